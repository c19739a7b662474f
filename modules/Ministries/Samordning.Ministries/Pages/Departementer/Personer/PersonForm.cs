using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.People;

namespace Samordning.Ministries.Pages.Departementer.Personer;

internal sealed class PersonForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public Guid? MinistryId { get; set; }
    public Guid? AgencyId { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool Active { get; set; } = true;
    public string? PreferredLanguage { get; set; } = "nb";
    public long? Version { get; set; }

    // Filled by the page; not posted.
    public IReadOnlyList<SelectListItem> Ministries { get; set; } = [];
    public IReadOnlyList<SelectListItem> Agencies { get; set; } = [];

    public PersonRequest ToRequest() => new(Name, Email, Title, MinistryId, AgencyId, Roles, Active, PreferredLanguage, Version);

    public static PersonForm From(PersonDetails person) => new()
    {
        Name = person.Name,
        Email = person.Email,
        Title = person.Title,
        MinistryId = person.MinistryId,
        AgencyId = person.AgencyId,
        Roles = [.. person.Roles],
        Active = person.Active,
        PreferredLanguage = person.PreferredLanguage,
        Version = person.Version,
    };
}
