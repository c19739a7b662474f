namespace Samordning.EndToEnd.Infrastructure;

// Demo accounts of the development identity provider (host/Samordning.Host/appsettings.Development.json).
internal static class Accounts
{
    public const string Password = "demo";

    public const string Coordinator = "kari.koordinator@kmd.example.no";

    // Known to the identity provider, not to the people registry.
    public const string Unknown = "ukjent@example.no";
}
