using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Samordning.Host.Process;
using Samordning.Shared.Web;

namespace Samordning.Host.Pages;

// The white paper's public process (issue 18): milestones, meetings, input rounds and KMD's responses to input, as
// each module has published them. Anonymous, and the same for everyone signed in or not.
// An anonymous visitor is answered from the host's cache of whole public pages ([PublicPage]); for everyone else the
// timeline, the same for every visitor of a language, is cached as rendered HTML (the <cache> tag helper in the
// page) under the public-content key, and read inside the cached part, so a hit costs no query.
[AllowAnonymous]
[EnableRateLimiting("public")]
[PublicPage(Query = [PageParameter])]
internal sealed class ProsessModel(ProcessTimeline timeline) : PageModel
{
    // "So far" grows with every meeting and milestone; all of it at once was about 243 KB of HTML at the demo volume.
    public const int PastPageSize = 20;

    public const string PageParameter = "side";

    // The page of "so far" shown, from 1 (newest first); anything unreadable is the first page.
    [BindProperty(SupportsGet = true, Name = PageParameter)]
    public int Side { get; set; } = 1;

    public int PastPage => Math.Clamp(Side, 1, int.MaxValue / PastPageSize);

    // What the cached timeline is keyed by (besides the language); null when unknown, and then nothing is cached.
    public string? ContentKey => PublicPage.ContentKey(HttpContext);

    // Called by the page on a cache miss only.
    public Task<ProcessSnapshot> ReadAsync() => timeline.ReadAsync(HttpContext.RequestAborted);
}
