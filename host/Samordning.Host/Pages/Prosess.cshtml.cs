using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Host.Process;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;

namespace Samordning.Host.Pages;

// The white paper's public process (issue 18): milestones, meetings, input rounds and KMD's responses to input, as
// each module has published them. Anonymous, and the same for everyone signed in or not.
// The timeline is the same for every visitor of a language, so the page caches it as rendered HTML (the <cache> tag
// helper in the page) under the public-content version and the minute; only the layout, with its per-visitor
// antiforgery token, is rendered each time. The timeline is read inside the cached part, so a hit costs no query.
[AllowAnonymous]
[EnableRateLimiting("public")]
internal sealed class ProsessModel(ProcessTimeline timeline, IClock clock) : PageModel
{
    // What the cached timeline is keyed by (besides the language): read on every request, so it must be cheap.
    public string ContentKey { get; } = PublicContentVersion.KeyAt(clock.UtcNow);

    // Called by the page on a cache miss only.
    public Task<ProcessSnapshot> ReadAsync() => timeline.ReadAsync(HttpContext.RequestAborted);
}
