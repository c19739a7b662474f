using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Activity;
using Samordning.Shared.Links;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// One workstream in one view for the people writing its chapter (issue 16): its initiatives, and the meetings,
// decisions, action items and input linked to it or to any of its initiatives, as far as the reader may see them.
// The reader follows it from here (a plain form; the follows are the Notifications module's).
internal sealed class DetaljerModel(WorkstreamsDbContext db, IEnumerable<ILinkedItemsSource> sources, IWorkstreamFollows follows) : PageModel
{
    public const int MaxInitiatives = 200;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Workstream? Workstream { get; private set; }

    public IReadOnlyList<InitiativeListItem> Initiatives { get; private set; } = [];

    public int InitiativeTotal { get; private set; }

    public LinkedView? Linked { get; private set; }

    // Null for a signed-in person who is not in the registry: they have nobody to follow as.
    public bool? Following { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Workstream = await db.Workstreams.AsNoTracking().FirstOrDefaultAsync(w => w.Id == Id, cancellationToken);
        if (Workstream is null)
        {
            return NotFound();
        }

        var page = await ListInitiatives.HandleAsync(db, new InitiativeFilter(WorkstreamId: Id, PageSize: MaxInitiatives), cancellationToken);
        (Initiatives, InitiativeTotal) = (page.Items, page.Total);
        var initiativeIds = await db.Initiatives.AsNoTracking().Where(i => i.Workstreams.Any(w => w.WorkstreamId == Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        Linked = await LinkedView.LoadAsync(sources, new LinkTarget(Id, initiativeIds), User, cancellationToken);
        if (User.PersonId() is { } person)
        {
            Following = (await follows.GetFollowedAsync(person, cancellationToken)).Contains(Id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        return await follows.SetAsync(person, Id, follow, cancellationToken)
            ? Redirect($"/arbeidsstrommer/{Id}#folg")
            : NotFound();
    }
}
