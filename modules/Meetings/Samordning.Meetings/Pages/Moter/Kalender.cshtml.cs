using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Calendar;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Pages.Moter;

// The person's secret calendar address, and the action that makes a new one (the old one stops working).
internal sealed class KalenderModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ny")]
    public bool Renewed { get; set; }

    public string? Address { get; private set; }

    public DateTimeOffset? CreatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } personId)
        {
            return Forbid();
        }

        if (await CalendarFeeds.OfAsync(deps.Db, personId, cancellationToken) is { } feed)
        {
            Address = CalendarFeeds.Address(Request, feed.Token);
            CreatedAt = feed.CreatedAt;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } personId)
        {
            return Forbid();
        }

        await CalendarFeeds.RenewAsync(deps, personId, cancellationToken);
        return Redirect("/moter/kalender?ny=true#adresse");
    }
}
