using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Host.Process;

namespace Samordning.Host.Pages;

// The white paper's public process (issue 18): milestones, meetings, input rounds and KMD's responses to input, as
// each module has published them. Anonymous, and the same for everyone signed in or not.
[AllowAnonymous]
[EnableRateLimiting("public")]
internal sealed class ProsessModel(ProcessTimeline timeline) : PageModel
{
    public ProcessSnapshot Process { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Process = await timeline.ReadAsync(cancellationToken);
}
