using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Notifications.Admin;
using Samordning.Notifications.Data;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Notifications.Pages.Varsler;

internal sealed class SendNowForm
{
    public string? DeadlineKey { get; set; }
    public Guid? Token { get; set; }
}

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class UtsendelserModel(NotificationsDbContext db, IEnumerable<IDeadlineSource> sources, ReminderSender sender, IClock clock) : PageModel
{
    [BindProperty]
    public SendNowForm Input { get; set; } = new();

    public ReminderOverviewView Overview { get; private set; } = new([], [], []);

    // A fresh id per rendered page, so one click sends once however often the form is submitted.
    public Guid FormToken { get; } = Guid.NewGuid();

    public int? Queued { get; private set; }

    public async Task OnGetAsync(int? queued, CancellationToken cancellationToken)
    {
        Queued = queued;
        Overview = await ReminderOverview.GetAsync(db, sources, clock, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await SendReminderNow.SendAsync(sources, sender, clock, new SendReminderNowRequest(Input.DeadlineKey, Input.Token), cancellationToken);
        if (this.Answer(outcome, result => RedirectToPage(new { queued = result.Queued })) is { } answered)
        {
            return answered;
        }

        Overview = await ReminderOverview.GetAsync(db, sources, clock, cancellationToken);
        return Page();
    }
}
