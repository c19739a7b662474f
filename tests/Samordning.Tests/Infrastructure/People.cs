namespace Samordning.Tests.Infrastructure;

// The demo people appsettings.Development.json seeds into the registry, by role.
internal static class People
{
    public const string Coordinator = "kari.koordinator@kmd.example.no";
    public const string ContactPersonFin = "per.kontakt@fin.example.no";
    public const string ContactPersonHod = "ingrid.kontakt@hod.example.no";
    public const string ContactPersonKd = "ola.kontakt@kd.example.no";
    public const string Facilitator = "sigrid.fasilitator@kmd.example.no";
    public const string Administrator = "astrid.admin@dss.example.no";
    public const string Observer = "nils.observator@smk.example.no";

    // Signs in at the identity provider but is not in the registry.
    public const string Unknown = "ukjent@example.no";
}
