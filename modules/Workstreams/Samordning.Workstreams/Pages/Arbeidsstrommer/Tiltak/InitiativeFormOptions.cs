using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

// The choices on the initiative form. A contact person can only own initiatives for their own ministry.
internal sealed class InitiativeFormOptions
{
    public FilterOptions Filters { get; private init; } = null!;
    public IReadOnlyList<AgencyInfo> Agencies { get; private init; } = [];
    public IReadOnlyList<PersonInfo> ContactPersons { get; private init; } = [];
    public IReadOnlyList<SelectListItem> OwningMinistries { get; private init; } = [];

    public static async Task<InitiativeFormOptions> LoadAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var filters = await FilterOptions.LoadAsync(db, directory, cancellationToken);
        var own = user.IsInRole(Roles.Coordinator) ? null : user.MinistryId();
        return new InitiativeFormOptions
        {
            Filters = filters,
            Agencies = await directory.GetAgenciesOfAsync(null, cancellationToken),
            ContactPersons = await directory.GetPeopleAsync(null, Roles.ContactPerson, cancellationToken),
            OwningMinistries = [.. filters.Ministries
                .Where(m => own is null || m.Id == own)
                .Select(m => new SelectListItem($"{m.Code} – {m.Name}", m.Id.ToString()))],
        };
    }

    public List<SelectListItem> ContactPersonItems()
    {
        var items = ContactPersons.Select(p => new SelectListItem($"{p.Name} ({Filters.MinistryCode(p.MinistryId ?? Guid.Empty)})", p.Id.ToString())).ToList();
        items.Insert(0, new SelectListItem(Localized.T("Ingen valgt", "None chosen"), ""));
        return items;
    }
}

// The form and its choices, for the shared fields partial.
internal sealed record InitiativeFormView(InitiativeForm Input, InitiativeFormOptions Options, bool IsNew);
