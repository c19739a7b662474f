using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Workstreams.Reports;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Rapporter;

// A kept status report as a printable page, drawn from the figures kept with it.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class DetaljerModel(StatusReports reports) : PageModel
{
    public StatusReportDetails? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Report = await reports.GetAsync(id, cancellationToken);
        return Report is null ? NotFound() : Page();
    }
}
