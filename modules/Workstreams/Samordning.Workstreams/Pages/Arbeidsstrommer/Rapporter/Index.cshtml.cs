using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Workstreams.Reports;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Rapporter;

// The kept status reports, and the one button that makes a new one (coordinators only).
[Authorize(Policy = Policies.Coordinator)]
internal sealed class IndexModel(StatusReports reports) : PageModel
{
    public IReadOnlyList<StatusReportSummary> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await reports.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var report = await reports.CreateAsync(cancellationToken);
        return Redirect($"/arbeidsstrommer/rapporter/{report.Id}");
    }
}
