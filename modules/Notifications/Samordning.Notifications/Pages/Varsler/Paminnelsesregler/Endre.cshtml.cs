using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Notifications.Rules;
using Samordning.Notifications.Scheduling;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Notifications.Pages.Varsler.Paminnelsesregler;

internal sealed class ReminderPolicyForm
{
    public string? Offsets { get; set; }
    public bool WorkingDays { get; set; }
    public bool Overdue { get; set; }
    public int? SendHour { get; set; }
    public long? Version { get; set; }

    // Only for the preview: the day of an example deadline (due at noon, Oslo time). Never stored.
    public DateOnly? Example { get; set; }

    public static ReminderPolicyForm From(ReminderPolicyView view, DateOnly example) => new()
    {
        Offsets = view.Offsets,
        WorkingDays = view.WorkingDays,
        Overdue = view.Overdue,
        SendHour = view.SendHour,
        Version = view.Version,
        Example = example,
    };

    public ReminderPolicyRequest ToRequest() => new(Offsets, WorkingDays, Overdue, SendHour, Version);
}

// One kind's reminder rule: the form, a preview of the reminders of an example deadline (recomputed by a plain
// submit, so it works without JavaScript), and a conflict shown beside the person's own input.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class EndreModel(ReminderPolicies policies, IClock clock) : PageModel
{
    public const int ExampleHour = 12;

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    [BindProperty]
    public ReminderPolicyForm Input { get; set; } = new();

    public ReminderPolicyView? Current { get; private set; }

    // Set when someone else saved first.
    public ReminderPolicyView? Conflict { get; private set; }

    public bool Saved { get; private set; }

    // Set after a reset; and when someone else changed the rule before a reset, which then did nothing.
    public bool WasReset { get; private set; }

    public ReminderPolicyView? ResetConflict { get; private set; }

    public DateTimeOffset? ExampleDue { get; private set; }

    public IReadOnlyList<PlannedReminder> Preview { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved, bool reset, CancellationToken cancellationToken)
    {
        if (await policies.GetAsync(Kind, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Current = current;
        Saved = saved;
        WasReset = reset;
        Input = ReminderPolicyForm.From(current, Oslo.DateOf(clock.UtcNow).AddDays(28));
        ShowPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await policies.SaveAsync(Kind, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, view => RedirectToPage(new { kind = view.Kind, saved = true }), current => (Conflict, Input.Version) = (current, current.Version)) is { } answered)
        {
            return answered;
        }

        return await ShowAsync(cancellationToken);
    }

    // The reset form posts only the version it showed: a stale one changes nothing, and the page says what is saved now.
    public async Task<IActionResult> OnPostResetAsync(long? resetVersion, CancellationToken cancellationToken)
    {
        var outcome = await policies.ResetAsync(Kind, resetVersion, cancellationToken);
        if (this.Answer(outcome, view => RedirectToPage(new { kind = view.Kind, reset = true }), current => ResetConflict = current, prefix: "Reset") is { } answered)
        {
            return answered;
        }

        if (await policies.GetAsync(Kind, cancellationToken) is not { } now)
        {
            return NotFound();
        }

        Current = now;
        Input = ReminderPolicyForm.From(now, Oslo.DateOf(clock.UtcNow).AddDays(28));
        ShowPreview();
        if (ResetConflict is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var (_, errors) = ReminderPolicies.Validate(Input.ToRequest());
        ModelState.ReplaceWithFieldErrors(errors, "Input");
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await policies.GetAsync(Kind, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Current = current;
        ShowPreview();
        return Page();
    }

    private void ShowPreview()
    {
        var (days, errors) = ReminderPolicies.Validate(Input.ToRequest());
        if (errors.Any)
        {
            return;
        }

        var example = Input.Example is { } day && DateRange.Contains(day) ? day : Oslo.DateOf(clock.UtcNow).AddDays(28);
        Input.Example = example;
        ExampleDue = ReminderSchedule.AtLocalHour(example, ExampleHour);
        Preview = ReminderSchedule.Plan(ReminderPolicy.From(days, Input.WorkingDays, Input.Overdue, Input.SendHour!.Value), ExampleDue.Value);
    }
}
