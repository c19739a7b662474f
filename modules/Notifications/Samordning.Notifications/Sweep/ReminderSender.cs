using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Sweep;

// Sends due reminders to their recipients, once per person and channel: one query finds the log keys the due
// deadlines already have (ReminderClaimStore), the planner decides what is still to send and to whom
// (ReminderPlanner), one registry query finds the people still to remind, and the store claims it all. The
// newest in-app notification per person is then pushed live.
internal sealed class ReminderSender(
    ReminderClaimStore store,
    IMinistryDirectory directory,
    LiveNotifications live,
    IClock clock,
    IOptions<NotificationsOptions> options,
    ILogger<ReminderSender> logger)
{
    // Each person once per sweep (the sender is scoped to one sweep), whatever the number of deadlines; unknown
    // people are remembered as null.
    private readonly Dictionary<Guid, PersonInfo?> people = [];
    private ReminderPlanner? planner;
    private Dictionary<Guid, NotificationPreference>? preferences;

    public Task<int> SendAsync(Deadline deadline, string offset, bool overdue, CancellationToken cancellationToken) =>
        SendAsync([new DueReminder(deadline, offset, overdue)], cancellationToken);

    public async Task<int> SendAsync(IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        preferences ??= await store.PreferencesAsync(cancellationToken);
        planner ??= new ReminderPlanner(options.Value.PublicBaseUrl);
        var pending = ReminderPlanner.Pending(due, await store.DoneAsync(due, cancellationToken), preferences);
        try
        {
            await LookUpAsync(pending.Select(p => p.Recipient), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Without the registry nobody can be reminded: the reminders wait for the next sweep.
            logger.LogError(e, "Looking up the recipients of {Count} reminders failed; they are tried again in the next sweep.", pending.Count);
            return 0;
        }

        var plan = planner.Plan(pending, people, clock.UtcNow);
        foreach (var (reminder, error) in plan.Failures)
        {
            logger.LogError(error, "Reminder {Offset} of {Deadline} to {Person} failed; the sweep goes on.",
                reminder.Reminder.Offset, reminder.Reminder.Deadline.Key, reminder.Recipient);
        }

        var stored = await store.StoreAsync(plan.Claims, cancellationToken);

        // The newest in-app notification per person: the live push carries the unread count, which is all the
        // header shows, so one push per person and sweep is enough (the rest are stored and listed on /varsler).
        var newest = new Dictionary<Guid, Notification>();
        foreach (var notification in stored.Select(c => c.Delivery).OfType<Notification>())
        {
            newest[notification.PersonId] = notification;
        }

        await live.PublishManyAsync([.. newest.Values], cancellationToken);
        return stored.Count;
    }

    public static string ManualOffset(Guid token) => string.Create(CultureInfo.InvariantCulture, $"now:{token:N}");

    // Those not looked up yet, in one registry query.
    private async Task LookUpAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !people.ContainsKey(id)).ToHashSet();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await directory.GetPeopleAsync(missing, cancellationToken)).ToDictionary(p => p.Id);
        foreach (var id in missing)
        {
            people[id] = found.GetValueOrDefault(id);
        }
    }
}
