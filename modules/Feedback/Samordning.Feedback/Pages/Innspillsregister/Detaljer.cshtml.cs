using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Feedback.Pages.Partials;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class AssessmentForm
{
    public FeedbackStatus? Status { get; set; }
    public string? Assessment { get; set; }
    public Guid? HandlerPersonId { get; set; }
    public string? Tags { get; set; }
    public bool Published { get; set; }
    public bool Exempt { get; set; }
    public string? ExemptionBasis { get; set; }
    public long? Version { get; set; }
    public List<Guid> WorkstreamIds { get; set; } = [];
    public List<Guid> InitiativeIds { get; set; } = [];

    public static AssessmentForm From(ItemDetails item) => new()
    {
        Status = item.Status,
        Assessment = item.Assessment,
        HandlerPersonId = item.HandlerPersonId,
        Tags = string.Join(", ", item.Tags),
        Published = item.Published,
        Exempt = item.Exempt,
        ExemptionBasis = item.ExemptionBasis,
        Version = item.Version,
        WorkstreamIds = [.. item.WorkstreamIds],
        InitiativeIds = [.. item.InitiativeIds],
    };

    public AssessItemRequest ToRequest() =>
        new(Status, Assessment, HandlerPersonId, WorkstreamIds, Options.SplitTags(Tags), Published, Exempt, ExemptionBasis, Version, InitiativeIds);
}

internal sealed class DetaljerModel(
    FeedbackDbContext db, IMinistryDirectory directory, IWorkstreamDirectory workstreams, IInitiativeDirectory initiatives, ICurrentUser user, IOutbox outbox) : PageModel
{
    [BindProperty]
    public AssessmentForm Input { get; set; } = new();

    public ItemDetails Item { get; private set; } = null!;

    public string? RoundTitle { get; private set; }

    public ItemDetails? Conflict { get; private set; }

    public bool Saved { get; private set; }

    public IEnumerable<SelectListItem> Handlers { get; private set; } = [];

    // Every workstream, for the picker.
    public IReadOnlyList<WorkstreamInfo> Workstreams { get; private set; } = [];

    public WorkstreamPicker Picker => new("Input.WorkstreamIds", Workstreams, Input.WorkstreamIds);

    // The item's links by name; a link to a workstream that no longer exists is counted, not named.
    public IReadOnlyList<WorkstreamInfo> Linked { get; private set; } = [];

    // The item's initiatives by name, and what the picker offers (the coordinator's choices plus the item's own).
    public IReadOnlyList<InitiativeInfo> LinkedInitiatives { get; private set; } = [];

    public IReadOnlyList<InitiativeInfo> Initiatives { get; private set; } = [];

    // The picker's find without script, when the form was posted for it.
    public InitiativeFind? Find { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        Input = AssessmentForm.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(User))
        {
            return Forbid();
        }

        Find = await InitiativeFind.ReadAsync(initiatives, this, cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // A find shows the form again as posted and saves nothing.
        if (Find is not null)
        {
            return Page();
        }

        var outcome = await AssessItem.HandleAsync(db, directory, new(workstreams, initiatives), user, outbox, id, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect($"/innspillsregister/{id}?saved=true"), current =>
            {
                Conflict = current;
                Input.Version = current.Version;
            }) is { } answered)
        {
            return answered;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ListItems.GetAsync(db, User, id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        RoundTitle = item.RoundId is { } round ? await db.Rounds.Where(r => r.Id == round).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken) : null;
        Workstreams = await workstreams.GetWorkstreamsAsync(cancellationToken);
        Linked = [.. Workstreams.Where(w => item.WorkstreamIds.Contains(w.Id))];
        LinkedInitiatives = await initiatives.GetInitiativesAsync(item.InitiativeIds, cancellationToken);
        // The item's links and what the form chose (a save that failed keeps them), and a find's matches first.
        Initiatives = FeedbackAccess.CanManage(User)
            ? await initiatives.ChoicesAsync(User, [.. item.InitiativeIds.Union(Input.InitiativeIds)], Find, cancellationToken)
            : [];
        Handlers = (await directory.GetPeopleAsync(null, Roles.Coordinator, cancellationToken))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .Prepend(new SelectListItem(Localized.T("Ingen", "None"), ""));
        return true;
    }
}
