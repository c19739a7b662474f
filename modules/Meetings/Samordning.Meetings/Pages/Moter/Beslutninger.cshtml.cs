using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Meetings.Data;
using Samordning.Meetings.Decisions;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Pages.Moter;

// The decision register across meetings (issue 16): a GET form of filters, so a filtered view is a link that works
// without script, the page of decisions, and the same filter as CSV and Excel.
internal sealed class BeslutningerModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MeetingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? InitiativeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MinistryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public DecisionPage Result { get; private set; } = new([], 0, 1, DecisionRegister.PageSize);

    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Workstreams { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Initiatives { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Ministries { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        var filter = new DecisionFilter(MeetingId, WorkstreamId, InitiativeId, MinistryId, From, To, Q, PageNumber);
        if (DecisionRegister.Check(filter) is { Any: true } errors)
        {
            // The filter's fields are at the top level of the query string, not under a prefix.
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        Result = await DecisionRegister.ListAsync(deps.Db, User, filter, cancellationToken);
        return Page();
    }

    // What the decision or its meeting is linked to, by name.
    public string LinksOf(DecisionRow row) =>
        string.Join("; ", new[] { row.WorkstreamId, row.InitiativeId }.OfType<Guid>()
            .Concat(row.MeetingWorkstreamIds).Concat(row.MeetingInitiativeIds).Distinct()
            .Select(id => Names.TryGetValue(id, out var name) ? name : null).OfType<string>()
            .DefaultIfEmpty("–"));

    // The choices are what the reader's decisions can match: meetings with decisions, and the initiatives linked to them.
    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var all = new SelectListItem(Localized.T("Alle", "All"), "");
        var readable = deps.Db.Meetings.AsNoTracking().Readable(User);
        var decided = deps.Db.Entries.Where(e => e.Kind == EntryKind.Decision && !e.Withdrawn);
        var meetings = await readable.Where(m => decided.Any(e => e.MeetingId == m.Id))
            .OrderByDescending(m => m.StartsAt).Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(cancellationToken);
        Meetings = [all, .. meetings.Select(m => new SelectListItem($"{m.Title} ({MeetingTexts.Date(DateOnly.FromDateTime(Shared.Time.Oslo.ToOslo(m.StartsAt).DateTime))})", m.Id.ToString()))];

        var workstreams = await deps.Workstreams.GetWorkstreamsAsync(cancellationToken);
        Workstreams = [all, .. workstreams.Select(w => new SelectListItem(MeetingTexts.WorkstreamName(w), w.Id.ToString()))];

        var initiativeIds = await decided.Where(e => e.InitiativeId != null).Select(e => e.InitiativeId!.Value)
            .Concat(readable.SelectMany(m => m.Initiatives).Select(i => i.InitiativeId))
            .Distinct().ToListAsync(cancellationToken);
        var initiatives = await deps.Initiatives.GetInitiativesAsync(initiativeIds, cancellationToken);
        Initiatives = [all, .. initiatives.Select(i => new SelectListItem(i.Label, i.Id.ToString()))];

        var ministries = await deps.Directory.GetMinistriesAsync(cancellationToken);
        Ministries = [all, .. ministries.Select(m => new SelectListItem($"{m.Code} – {m.Name}", m.Id.ToString()))];

        Names = workstreams.Select(w => (w.Id, Name: MeetingTexts.WorkstreamName(w)))
            .Concat(initiatives.Select(i => (i.Id, Name: i.Label)))
            .ToDictionary(x => x.Id, x => x.Name);
    }
}
