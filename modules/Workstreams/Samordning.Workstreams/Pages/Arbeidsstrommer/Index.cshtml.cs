using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class IndexModel(WorkstreamsDbContext db, IMinistryDirectory directory) : PageModel
{
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

    public FilterOptions? Options { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await FilterOptions.LoadAsync(db, directory, cancellationToken);
        View = await GetDashboard.HandleAsync(db, directory, new DashboardFilter(MinistryId, WorkstreamId, Phase, Status, Tag), cancellationToken);
    }
}
