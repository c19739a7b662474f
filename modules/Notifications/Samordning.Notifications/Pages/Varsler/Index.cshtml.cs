using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Notifications.Pages.Varsler;

internal sealed class PreferencesForm
{
    public bool EmailEnabled { get; set; }
    public bool DailyDigest { get; set; }
}

internal sealed class IndexModel(NotificationsDbContext db, IClock clock) : PageModel
{
    [BindProperty]
    public PreferencesForm Input { get; set; } = new();

    public NotificationList Notifications { get; private set; } = new(0, []);

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        Saved = saved;
        var preferences = await Preferences.GetAsync(db, person, cancellationToken);
        Input = new PreferencesForm { EmailEnabled = preferences.EmailEnabled, DailyDigest = preferences.DailyDigest };
        Notifications = await MyNotifications.ListAsync(db, person, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        var outcome = await Preferences.SaveAsync(db, person, new PreferencesRequest(Input.EmailEnabled, Input.DailyDigest), cancellationToken);
        if (this.Answer(outcome, _ => RedirectToPage(new { saved = true })) is { } answered)
        {
            return answered;
        }

        Notifications = await MyNotifications.ListAsync(db, person, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (User.PersonId() is not { } person)
        {
            return Forbid();
        }

        await MyNotifications.MarkReadAsync(db, clock, person, id, cancellationToken);
        return RedirectToPage();
    }
}
