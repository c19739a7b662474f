using Samordning.Ministries.Data;
using Samordning.Ministries.Pages.Departementer;
using Samordning.Shared.History;
using Samordning.Shared.Text;

namespace Samordning.Ministries.History;

// The history of ministries, agencies and people (issue 16, point 4). Everyone signed in reads the registry, so
// everyone reads its history; the identity provider's subject is bookkeeping and not shown.
internal static class RegistryHistory
{
    public const string Ministries = "departement";
    public const string Agencies = "virksomheter";
    public const string People = "personer";

    private static readonly Dictionary<string, HistoryField> MinistryFields = new(StringComparer.Ordinal)
    {
        [nameof(Ministry.Code)] = new(new("Kode", "Code")),
        [nameof(Ministry.NameNb)] = new(new("Navn (bokmål)", "Name (Norwegian)")),
        [nameof(Ministry.NameEn)] = new(new("Navn (engelsk)", "Name (English)")),
        [nameof(Ministry.NameNn)] = new(new("Navn (nynorsk)", "Name (Nynorsk)")),
        [nameof(Ministry.Active)] = new(new("Aktiv", "Active")),
    };

    private static readonly Dictionary<string, HistoryField> AgencyFields = new(StringComparer.Ordinal)
    {
        [nameof(Agency.NameNb)] = new(new("Navn (bokmål)", "Name (Norwegian)")),
        [nameof(Agency.NameEn)] = new(new("Navn (engelsk)", "Name (English)")),
        [nameof(Agency.OrganisationNumber)] = new(new("Organisasjonsnummer", "Organisation number")),
        [nameof(Agency.Active)] = new(new("Aktiv", "Active")),
    };

    private static readonly Dictionary<string, HistoryField> PersonFields = new(StringComparer.Ordinal)
    {
        [nameof(Person.Name)] = new(new("Navn", "Name")),
        [nameof(Person.Email)] = new(new("E-post", "E-mail")),
        [nameof(Person.Title)] = new(new("Stilling", "Job title")),
        [nameof(Person.Roles)] = HistoryField.Enum<PersonRoles>(new("Roller", "Roles"), RoleList),
        [nameof(Person.Active)] = new(new("Aktiv", "Active")),
        [nameof(Person.PreferredLanguage)] = new(new("Foretrukket språk", "Preferred language")),
    };

    public static async Task<Outcome<HistoryView>> HandleAsync(MinistriesDbContext db, string kind, Guid id, CancellationToken cancellationToken)
    {
        var (title, url, entity, fields) = kind switch
        {
            Ministries => (await db.Ministries.Where(m => m.Id == id).Select(m => new { m.NameNb, m.NameEn, m.NameNn }).FirstOrDefaultAsync(cancellationToken) is { } m ? Localized.Name(m.NameNb, m.NameEn, m.NameNn) : null,
                $"/departementer/{id}", nameof(Ministry), MinistryFields),
            Agencies => (await db.Agencies.Where(a => a.Id == id).Select(a => a.NameNb).FirstOrDefaultAsync(cancellationToken),
                "/departementer/virksomheter", nameof(Agency), AgencyFields),
            People => (await db.People.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken),
                "/departementer/personer", nameof(Person), PersonFields),
            _ => ((string?)null, "", "", MinistryFields),
        };
        return title is null
            ? Outcome.NotFound<HistoryView>()
            : Outcome.Ok(new HistoryView(title, url, await RecordHistory.ReadAsync(db, entity, id, fields, showPersonal: true, cancellationToken)));
    }

    private static string RoleList(PersonRoles roles) =>
        roles == PersonRoles.None
            ? "–"
            : string.Join(", ", Enum.GetValues<PersonRoles>().Where(r => r != PersonRoles.None && roles.HasFlag(r)).Select(r => RoleNames.Of(r.ToString()).ToString()));
}

internal sealed class GetRegistryHistory : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        Map(api, "/ministries/{id:guid}/history", RegistryHistory.Ministries, "a ministry");
        Map(api, "/ministries/agencies/{id:guid}/history", RegistryHistory.Agencies, "an agency");
        Map(api, "/ministries/people/{id:guid}/history", RegistryHistory.People, "a person in the registry");
    }

    private static void Map(IEndpointRouteBuilder api, string route, string kind, string what) =>
        api.MapGet(route, async (Guid id, MinistriesDbContext db, CancellationToken ct) => (await RegistryHistory.HandleAsync(db, kind, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary($"Who changed what in {what}, and when, in the reader's language.");
}
