using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Time;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Milestones;

namespace Samordning.Workstreams.Pages.Prosess;

internal sealed class MilestoneForm
{
    public string? TitleNb { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleNn { get; set; }
    public DateOnly? Date { get; set; }
    public string? DescriptionNb { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionNn { get; set; }
    public bool Published { get; set; }
    public long? Version { get; set; }

    public MilestoneRequest ToRequest() => new(TitleNb, TitleEn, Date, DescriptionNb, DescriptionEn, Published, TitleNn, DescriptionNn, Version);

    public static MilestoneForm From(MilestoneDetails m) => new()
    {
        TitleNb = m.TitleNb, TitleEn = m.TitleEn, TitleNn = m.TitleNn, Date = m.Date, DescriptionNb = m.DescriptionNb,
        DescriptionEn = m.DescriptionEn, DescriptionNn = m.DescriptionNn, Published = m.Published, Version = m.Version,
    };
}

// The KMD team's list of milestones: order, remove, and links to add and change (forms, no script needed).
[Authorize(Policy = Policies.Coordinator)]
internal sealed class MilepaelerModel(WorkstreamsDbContext db, IClock clock) : PageModel
{
    public IReadOnlyList<MilestoneDetails> Milestones { get; private set; } = [];

    public bool Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Milestones = await MilestoneEndpoints.ListAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, MoveDirection direction, long? version, CancellationToken cancellationToken) =>
        await AnswerAsync(await MilestoneEndpoints.MoveAsync(db, clock, id, new(direction, version), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken cancellationToken) =>
        await AnswerAsync(await MilestoneEndpoints.DeleteAsync(db, id, version, cancellationToken), cancellationToken);

    // Done: back to the list. A stale form: the list again, as it is now, with a warning.
    private async Task<IActionResult> AnswerAsync(Outcome<MilestoneDetails> outcome, CancellationToken cancellationToken)
    {
        if (this.Answer(outcome, _ => Redirect("/prosess/milepaeler"), _ => Conflict = true) is { } answered)
        {
            return answered;
        }

        Conflict = true;
        Milestones = await MilestoneEndpoints.ListAsync(db, cancellationToken);
        return Page();
    }
}

// The model of both the new (Ny) and the edit (Endre) page; they share the _MilestoneForm partial.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class MilestoneFormModel(WorkstreamsDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public MilestoneForm Input { get; set; } = new();

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } milestone)
            {
                return NotFound();
            }

            Input = MilestoneForm.From(MilestoneDetails.From(milestone));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = Id is { } id
            ? await MilestoneEndpoints.UpdateAsync(db, clock, id, Input.ToRequest(), cancellationToken)
            : await MilestoneEndpoints.CreateAsync(db, clock, Input.ToRequest(), cancellationToken);
        return this.Answer(outcome, _ => Redirect("/prosess/milepaeler"), current => (Conflict, Input.Version) = (true, current.Version)) ?? Page();
    }
}
