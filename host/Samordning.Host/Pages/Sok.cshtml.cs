using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Host.Search;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Http;
using Samordning.Shared.Search;
using Samordning.Workstreams.Contracts;

namespace Samordning.Host.Pages;

// The search page: a GET form, so it works without JavaScript and every search has an address to share.
internal sealed class SokModel(SiteSearch search, IMinistryDirectory ministries, IWorkstreamDirectory workstreams) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MinistryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int Side { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<SearchKind> Kinds { get; private set; } = [];

    public IReadOnlyList<MinistryInfo> Ministries { get; private set; } = [];

    public IReadOnlyList<WorkstreamInfo> Workstreams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = search.Kinds;
        Ministries = await ministries.GetMinistriesAsync(cancellationToken);
        Workstreams = await workstreams.GetWorkstreamsAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var outcome = await search.SearchAsync(
            new(Q, string.IsNullOrWhiteSpace(Kind) ? [] : [Kind], MinistryId, WorkstreamId, Side), User, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Results = outcome.Value;
        }
        else
        {
            Errors = [.. outcome.Errors!.ToDictionary().SelectMany(e => e.Value)];
        }
    }
}
