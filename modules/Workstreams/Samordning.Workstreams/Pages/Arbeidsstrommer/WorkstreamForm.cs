using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class WorkstreamForm
{
    public int? Chapter { get; set; }
    public string? TitleNb { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleNn { get; set; }
    public string? Description { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public WorkstreamStatus Status { get; set; } = WorkstreamStatus.Planned;
    public DateOnly? TargetDate { get; set; }
    public long? Version { get; set; }

    public WorkstreamRequest ToRequest() => new(Chapter, TitleNb, TitleEn, Description, OwnerPersonId, Status, TargetDate, Version, TitleNn);
}

// The model of both the new (Ny) and the edit (Endre) page; they share the _WorkstreamForm partial.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class SkjemaModel(WorkstreamsDbContext db, IMinistryDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public WorkstreamForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var w = await GetWorkstream.HandleAsync(db, id, cancellationToken);
            if (w is null)
            {
                return NotFound();
            }

            Input = new WorkstreamForm
            {
                Chapter = w.Chapter, TitleNb = w.TitleNb, TitleEn = w.TitleEn, TitleNn = w.TitleNn, Description = w.Description,
                OwnerPersonId = w.OwnerPersonId, Status = w.Status, TargetDate = w.TargetDate, Version = w.Version,
            };
        }

        await LoadOwnersAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = Id is { } id
            ? await UpdateWorkstream.HandleAsync(db, directory, id, Input.ToRequest(), cancellationToken)
            : await CreateWorkstream.HandleAsync(db, directory, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect("/arbeidsstrommer/liste"), current => (Conflict, Input.Version) = (true, current.Version)) is { } answered)
        {
            return answered;
        }

        await LoadOwnersAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOwnersAsync(CancellationToken cancellationToken)
    {
        var coordinators = await directory.GetPeopleAsync(null, Roles.Coordinator, cancellationToken);
        Owners = [new SelectListItem(Localized.T("Ingen valgt", "None chosen"), ""), .. coordinators.Select(p => new SelectListItem(p.Name, p.Id.ToString()))];
    }
}
