using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.Agencies;

namespace Samordning.Ministries.Pages.Departementer.Virksomheter;

internal sealed class AgencyForm
{
    public Guid? MinistryId { get; set; }
    public string? NameNb { get; set; }
    public string? NameEn { get; set; }
    public string? OrganisationNumber { get; set; }
    public bool Active { get; set; } = true;
    public long? Version { get; set; }

    // Filled by the page for the select; not posted.
    public IReadOnlyList<SelectListItem> Ministries { get; set; } = [];

    public AgencyRequest ToRequest() => new(MinistryId, NameNb, NameEn, OrganisationNumber, Active, Version);

    public static AgencyForm From(AgencyDetails agency) => new()
    {
        MinistryId = agency.MinistryId,
        NameNb = agency.NameNb,
        NameEn = agency.NameEn,
        OrganisationNumber = agency.OrganisationNumber,
        Active = agency.Active,
        Version = agency.Version,
    };
}
