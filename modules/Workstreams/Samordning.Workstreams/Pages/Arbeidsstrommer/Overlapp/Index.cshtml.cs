using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Time;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Overlapp;

internal sealed class DecisionForm
{
    public Guid? FirstId { get; set; }
    public Guid? SecondId { get; set; }
    public OverlapVerdict? Verdict { get; set; }
    public long? Version { get; set; }
}

// The KMD team's list of likely overlaps between ministries (issue 17), each with why, to dismiss or mark as the
// same work. Coordinators only.
internal sealed class IndexModel(WorkstreamsDbContext db, OverlapList list, ICurrentUser user, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "departement")]
    public string? Ministry { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public IReadOnlyList<OverlapPair> Pairs { get; private set; } = [];

    // Every ministry with an open overlap, for the filter.
    public IReadOnlyList<(Guid Id, string Code)> Ministries { get; private set; } = [];

    public bool Conflict { get; private set; }

    public bool Decided { get; private set; }

    // This node is still building its overlap index or its first list (after it started); the page says so.
    public bool Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "avgjort")] bool decided, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Coordinator))
        {
            return Forbid();
        }

        Decided = decided;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new OverlapDecisionRequest(Input.FirstId, Input.SecondId, Input.Verdict, Input.Version);
        var outcome = await OverlapEndpoints.DecideAsync(db, user, clock, request, cancellationToken);
        var back = string.IsNullOrEmpty(Ministry) ? "/arbeidsstrommer/overlapp?avgjort=true" : $"/arbeidsstrommer/overlapp?avgjort=true&departement={Uri.EscapeDataString(Ministry)}";
        if (this.Answer(outcome, _ => Redirect(back), _ => Conflict = true) is { } answered)
        {
            return answered;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var open = await list.OpenAsync(null, OverlapEndpoints.ListLimit, wait: false, cancellationToken);
        Pending = open is null;
        var all = open ?? [];
        Ministries = all.SelectMany(p => new[] { (p.First.MinistryId, p.First.MinistryCode), (p.Second.MinistryId, p.Second.MinistryCode) })
            .Distinct().OrderBy(m => m.Item2, StringComparer.Ordinal).ToList();
        var ministry = Ministries.FirstOrDefault(m => m.Code == Ministry);
        Pairs = string.IsNullOrEmpty(Ministry) ? all
            : all.Where(p => p.First.MinistryId == ministry.Id || p.Second.MinistryId == ministry.Id).ToList();
    }
}
