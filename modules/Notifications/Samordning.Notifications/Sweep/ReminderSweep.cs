using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samordning.Notifications.Mail;
using Samordning.Notifications.Scheduling;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Jobs;
using Samordning.Shared.Observability;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Sweep;

// The recurring sweep: every source's open deadlines, the reminder each one is due now by its kind's policy,
// then the daily digests and the mail outbox. Safe to run twice or on two nodes at once: the reminder log's
// unique index decides who sends, and the outbox lease decides who delivers.
internal sealed class ReminderSweep(
    IEnumerable<IDeadlineSource> sources,
    Rules.ReminderPolicies policyStore,
    ReminderSender sender,
    DailyDigest digest,
    MailDelivery delivery,
    IClock clock,
    IOptions<NotificationsOptions> options,
    SamordningMetrics metrics,
    ILogger<ReminderSweep> logger) : IRecurringJob
{
    public const string JobId = "notifications.reminder-sweep";

    public string Id => JobId;

    public string Cron => options.Value.SweepCron;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A job has no request around it: the sweep's span is the parent of its database calls in a trace.
        using var activity = SamordningMetrics.Source.StartActivity("reminder sweep");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var claimed = await SendDueRemindersAsync(cancellationToken);
            await digest.QueueAsync(cancellationToken);
            var sent = await delivery.DeliverDueAsync(cancellationToken);
            logger.LogInformation("Reminder sweep: {Claimed} reminders claimed, {Sent} e-mails sent.", claimed, sent);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            metrics.SweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    // Finds what is due in every source's open deadlines up to the policies' horizon, then claims it in chunks (ReminderSender). The
    // schedule is asked once per kind and due instant: deadlines share due instants (an action item is due at
    // the end of its day), and working days and holidays are not free to count.
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var schedule = new ReminderSchedule(settings.SendFromHour, settings.SendUntilHour);
        var now = clock.UtcNow;

        // The coordinators' stored policies in one query per sweep (never per deadline), configuration for the rest.
        var book = await policyStore.LoadAsync(cancellationToken);

        // Deadlines due later than this have nothing due yet: the sources leave them out in their queries.
        var until = ReminderSchedule.Horizon(book.AllOffsets(), now);
        var policies = new Dictionary<string, ReminderPolicy>(StringComparer.OrdinalIgnoreCase);
        var decided = new Dictionary<(string Kind, DateTimeOffset DueAt), ReminderOffset?>();
        var due = new List<DueReminder>();
        foreach (var source in sources)
        {
            try
            {
                // Everything open from a year back: overdue deadlines stay open until their module closes them.
                await foreach (var deadline in source.GetOpenDeadlinesAsync(now.AddYears(-1), until, cancellationToken))
                {
                    if (!decided.TryGetValue((deadline.Kind, deadline.DueAt), out var offset))
                    {
                        if (!policies.TryGetValue(deadline.Kind, out var policy))
                        {
                            policy = book.For(deadline.Kind);
                            policies[deadline.Kind] = policy;
                        }

                        offset = schedule.Due(policy, deadline.DueAt, now);
                        decided[(deadline.Kind, deadline.DueAt)] = offset;
                    }

                    if (offset is not null)
                    {
                        due.Add(new DueReminder(deadline, offset.Code, offset.Unit == OffsetUnit.Overdue));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One broken module never stops the reminders of the others (what it gave before failing is sent).
                logger.LogError(e, "Deadline source {Source} failed; the sweep goes on with the others.", source.GetType().FullName);
            }
        }

        var claimed = await sender.SendAsync(due, cancellationToken);
        metrics.RemindersSent.Add(claimed);
        return claimed;
    }
}

// Delivers queued mail every minute, so receipts and retries do not wait for the next sweep.
internal sealed class MailDeliveryJob(MailDelivery delivery) : IRecurringJob
{
    public string Id => "notifications.mail-delivery";

    public string Cron => "* * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);
}
