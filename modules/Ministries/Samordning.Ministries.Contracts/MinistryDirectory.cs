using Samordning.Shared.Text;

namespace Samordning.Ministries.Contracts;

/// <summary>A ministry (departement).</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Code">Short code, for example <c>KMD</c>.</param>
/// <param name="NameNb">Name in Bokmål.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="NameNn">Name in Nynorsk where it differs from the Bokmål one, else null.</param>
public sealed record MinistryInfo(Guid Id, string Code, string NameNb, string NameEn, string? NameNn = null)
{
    /// <summary>The name in the current UI culture.</summary>
    public string Name => Localized.Name(NameNb, NameEn, NameNn);
}

/// <summary>An agency (underliggende virksomhet).</summary>
/// <param name="Id">Registry id.</param>
/// <param name="MinistryId">The ministry that governs it.</param>
/// <param name="NameNb">Name in Bokmål.</param>
public sealed record AgencyInfo(Guid Id, Guid MinistryId, string NameNb);

/// <summary>A person in the registry.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="MinistryId">The ministry the person works for (directly or through an agency), or null.</param>
/// <param name="AgencyId">The agency the person works for, or null.</param>
/// <param name="Roles">Role names from <see cref="Shared.Security.Roles"/>.</param>
/// <param name="Active">False when the person no longer has access.</param>
/// <param name="PreferredLanguage">"nb", "nn" or "en".</param>
public sealed record PersonInfo(
    Guid Id,
    string Name,
    string Email,
    Guid? MinistryId,
    Guid? AgencyId,
    IReadOnlyList<string> Roles,
    bool Active,
    string PreferredLanguage);

/// <summary>Queries the Ministries module answers for other modules and the host.</summary>
public interface IMinistryDirectory
{
    /// <summary>All active ministries, ordered by code.</summary>
    Task<IReadOnlyList<MinistryInfo>> GetMinistriesAsync(CancellationToken cancellationToken);

    /// <summary>One ministry, or null.</summary>
    Task<MinistryInfo?> GetMinistryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The agencies with these ids that exist (unknown ids are left out).</summary>
    Task<IReadOnlyList<AgencyInfo>> GetAgenciesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Active agencies of a ministry, or of every ministry when null, ordered by name.</summary>
    Task<IReadOnlyList<AgencyInfo>> GetAgenciesOfAsync(Guid? ministryId, CancellationToken cancellationToken);

    /// <summary>One person, or null.</summary>
    Task<PersonInfo?> GetPersonAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The people with these ids, active or not, in one query (unknown ids are left out).</summary>
    Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The active person who signs in with this subject, or else with this e-mail address (case-insensitive);
    /// null when the registry does not know them.
    /// </summary>
    Task<PersonInfo?> FindSignedInPersonAsync(string? subject, string? email, CancellationToken cancellationToken);

    /// <summary>Active people of a ministry (including its agencies) who have the role; every ministry's when null.</summary>
    Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(Guid? ministryId, string role, CancellationToken cancellationToken);

    /// <summary>Active people of these ministries (including their agencies), whatever their roles, in one query.</summary>
    Task<IReadOnlyList<PersonInfo>> GetPeopleOfMinistriesAsync(IReadOnlyCollection<Guid> ministryIds, CancellationToken cancellationToken);
}

/// <summary>A person's own choice of language, which the Ministries module keeps as their preference.</summary>
public interface IPersonLanguage
{
    /// <summary>Records "nb", "nn" or "en" as the person's preferred language (e-mails and a new browser follow it).</summary>
    Task SetPreferredLanguageAsync(Guid personId, string language, CancellationToken cancellationToken);
}
