namespace Samordning.EndToEnd.Infrastructure;

// Demo accounts of the development identity provider (host/Samordning.Host/appsettings.Development.json).
internal static class Accounts
{
    public const string Password = "demo";

    public const string Coordinator = "kari.koordinator@kmd.example.no";

    // Meetings: the facilitator and two contact persons who take part.
    public const string Facilitator = "sigrid.fasilitator@kmd.example.no";
    public const string ParticipantFin = "per.kontakt@fin.example.no";
    public const string ParticipantHod = "ingrid.kontakt@hod.example.no";

    // Known to the identity provider, not to the people registry.
    public const string Unknown = "ukjent@example.no";
}
