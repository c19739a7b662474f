using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Shared.Time;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class IndexModel(WorkstreamsDbContext db, DashboardSnapshot snapshot, IMinistryDirectory directory, ILiveUpdates live, IClock clock) : PageModel
{
    // "Not confirmed for 60 days" (issue 17), as the dashboard API counts it.
    public const int StaleDays = NotConfirmedCounts.StaleDays;

    [BindProperty(SupportsGet = true)]
    public Guid? MinistryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Phase? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public Rag? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    public DashboardView? View { get; private set; }

    // The dashboard topic's sequence, read before the view (LiveSnapshot): the script applies only later items.
    public long LastSequence { get; private set; }

    public FilterOptions? Options { get; private set; }

    public IReadOnlyList<string> TagChoices { get; private set; } = [];

    // Per owning ministry, the initiatives in the dashboard's selection whose status is StaleDays old or more.
    public IReadOnlyDictionary<Guid, int> Stale { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await FilterOptions.LoadAsync(db, directory, cancellationToken);
        TagChoices = await FilterOptions.TagsAsync(db, cancellationToken);
        var filter = new DashboardFilter(MinistryId, WorkstreamId, Phase, Status, Tag);
        (LastSequence, View) = await live.ReadAsync(
            InitiativeLive.DashboardTopic,
            ct => GetDashboard.WithNotConfirmedAsync(db, snapshot, directory, clock, filter, ct),
            cancellationToken);
        Stale = (View.NotConfirmed?.Ministries ?? []).ToDictionary(c => View.Ministries[c.Ministry].Id, c => c.Count);
    }

    public string StaleLink(Guid ministryId) =>
        QueryHelpers.AddQueryString(ListLink(ministryId), new Dictionary<string, string?>
        {
            ["ikkeBekreftetDager"] = StaleDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sortering"] = Tiltak.IndexModel.SortConfirmed,
        });

    // The initiative list with this dashboard's filter (the ministry as owner, as the dashboard counts), and more.
    public string ListLink(Guid? ministryId = null, bool crossSectoral = false)
    {
        var ministry = ministryId ?? MinistryId;
        var filter = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MinistryId"] = ministry?.ToString(),
            ["ownedOnly"] = ministry is null ? null : "true",
            ["WorkstreamId"] = WorkstreamId?.ToString(),
            ["Phase"] = Phase?.ToString(),
            ["Status"] = Status?.ToString(),
            ["tag"] = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim(),
            ["crossSectoral"] = crossSectoral ? "true" : null,
        };
        return QueryHelpers.AddQueryString("/arbeidsstrommer/tiltak", filter.Where(f => f.Value is not null));
    }
}
