using Samordning.Shared.Search;

namespace Samordning.Ministries.Data;

internal sealed class Ministry : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string NameNb { get; set; }
    public required string NameEn { get; set; }

    // The official Nynorsk name where it differs from the Bokmål one (Utanriksdepartementet); null when the same.
    public string? NameNn { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }

    // Lower-cased name and code: SQLite's LIKE folds only ASCII, and people search for "Næring".
    public string SearchText { get; private set; } = "";

    public List<Agency> Agencies { get; init; } = [];

    public void RefreshSearchText() => SearchText = $"{Code} {NameNb} {NameNn} {NameEn}".ToLowerInvariant();

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(NameNb, [NameNn, NameEn, Code]);
}

internal sealed class Agency : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MinistryId { get; set; }
    public Ministry? Ministry { get; set; }
    public required string NameNb { get; set; }
    public string? NameEn { get; set; }
    public string? OrganisationNumber { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
    public string SearchText { get; private set; } = "";

    public void RefreshSearchText() => SearchText = $"{NameNb} {NameEn} {OrganisationNumber}".ToLowerInvariant();

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(NameNb, [NameEn, OrganisationNumber]);
}

internal sealed class Person : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Email { get; set; }

    // The identity provider's subject, filled on first sign-in when the person was found by e-mail.
    public string? Subject { get; set; }
    public string? Title { get; set; }
    public Guid? MinistryId { get; set; }
    public Ministry? Ministry { get; set; }
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public PersonRoles Roles { get; set; }
    public bool Active { get; set; } = true;
    public string PreferredLanguage { get; set; } = "nb";
    public long Version { get; set; }
    public string SearchText { get; private set; } = "";

    public void RefreshSearchText() => SearchText = $"{Name} {Email} {Title}".ToLowerInvariant();

    public string SearchIndex { get; set; } = "";

    // The registry is open to everyone registered (the people list shows name, e-mail and title), so all of it is readable.
    public SearchDocument SearchDocument() => new(Name, [Title, Email]);
}

[Flags]
internal enum PersonRoles
{
    None = 0,
    Coordinator = 1,
    ContactPerson = 2,
    Facilitator = 4,
    Observer = 8,
    Administrator = 16,
}
