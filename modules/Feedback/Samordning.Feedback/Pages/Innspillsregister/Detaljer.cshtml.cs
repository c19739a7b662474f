using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

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
    };

    public AssessItemRequest ToRequest(IReadOnlyList<Guid> workstreams) =>
        new(Status, Assessment, HandlerPersonId, workstreams, Options.SplitTags(Tags), Published, Exempt, ExemptionBasis, Version);
}

internal sealed class DetaljerModel(FeedbackDbContext db, IMinistryDirectory directory, ICurrentUser user) : PageModel
{
    [BindProperty]
    public AssessmentForm Input { get; set; } = new();

    public ItemDetails Item { get; private set; } = null!;

    public string? RoundTitle { get; private set; }

    public ItemDetails? Conflict { get; private set; }

    public bool Saved { get; private set; }

    public IEnumerable<SelectListItem> Handlers { get; private set; } = [];

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

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await AssessItem.HandleAsync(db, directory, user, id, Input.ToRequest(Item.WorkstreamIds), cancellationToken);
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
        Handlers = (await directory.GetPeopleAsync(null, Roles.Coordinator, cancellationToken))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .Prepend(new SelectListItem(Localized.T("Ingen", "None"), ""));
        return true;
    }
}
