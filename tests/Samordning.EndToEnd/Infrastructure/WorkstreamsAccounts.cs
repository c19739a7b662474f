namespace Samordning.EndToEnd.Infrastructure;

// The demo accounts the Workstreams tests sign in with, beyond the coordinator in Accounts
// (host/Samordning.Host/appsettings.Development.json; the people registry gives them their roles).
internal static class WorkstreamsAccounts
{
    // Contact person for the Ministry of Finance (FIN).
    public const string FinanceContact = "per.kontakt@fin.example.no";

    public const string Observer = "nils.observator@smk.example.no";
}
