using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

internal sealed class IndexModel(WorkstreamsDbContext db, IMinistryDirectory directory, ILiveUpdates live, IClock clock) : PageModel
{
    public const string SortConfirmed = "bekreftet";

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

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

    // The ministry as owner only (what the dashboard counts) rather than as owner or collaborator.
    [BindProperty(SupportsGet = true)]
    public bool? OwnedOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? CrossSectoral { get; set; }

    // "Not confirmed for 60 days": statuses at least that many days old (issue 17); out of range reads as no filter.
    [BindProperty(SupportsGet = true, Name = "ikkeBekreftetDager")]
    public int? NotConfirmedForDays { get; set; }

    // "bekreftet": the oldest status first; else the newest change first.
    [BindProperty(SupportsGet = true, Name = "sortering")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public InitiativePage? Result { get; private set; }

    // The dashboard topic's sequence, read before the list (LiveSnapshot): the list follows it from there.
    public long LastSequence { get; private set; }

    public FilterOptions? Options { get; private set; }

    public DateTimeOffset Now { get; } = clock.UtcNow;

    private int? Days => NotConfirmedForDays is >= 1 and <= StatusAge.MaxDays ? NotConfirmedForDays : null;

    private string? ApiSort => string.Equals(Sort, SortConfirmed, StringComparison.Ordinal) ? InitiativeFilter.SortConfirmed : null;

    public IReadOnlyList<string> TagChoices { get; private set; } = [];

    public bool CanCreate => User.IsInRole(Roles.Coordinator) || (User.IsInRole(Roles.ContactPerson) && User.MinistryId() is not null);

    // The filter as the export endpoints read it: only the fields that are set. The filter form sends its empty
    // fields too (MinistryId=&…), which the page reads as "all" but the API refuses as an unreadable id.
    public string ExportQuery
    {
        get
        {
            var filter = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
                ["MinistryId"] = MinistryId?.ToString(),
                ["WorkstreamId"] = WorkstreamId?.ToString(),
                ["Phase"] = Phase?.ToString(),
                ["Status"] = Status?.ToString(),
                ["Tag"] = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim(),
                ["CrossSectoral"] = CrossSectoral == true ? "true" : null,
                ["OwnedOnly"] = OwnedOnly == true && MinistryId is not null ? "true" : null,
                ["notConfirmedForDays"] = Days?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sort"] = ApiSort,
            };
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", filter.Where(f => f.Value is not null));
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await FilterOptions.LoadAsync(db, directory, cancellationToken);
        TagChoices = await FilterOptions.TagsAsync(db, cancellationToken);
        var snapshot = await live.ReadAsync(InitiativeLive.DashboardTopic, ct => ListInitiatives.HandleAsync(
            db,
            new InitiativeFilter(Q, MinistryId, WorkstreamId, Phase, Status, Tag, CrossSectoral: CrossSectoral == true ? true : null, OwnedOnly: OwnedOnly, Page: PageNumber,
                NotConfirmedForDays: Days, Sort: ApiSort),
            ct,
            Now), cancellationToken);
        (LastSequence, Result) = (snapshot.Sequence, snapshot.Data);
    }
}
