using Samordning.Notifications.Data;
using Samordning.Shared.Deadlines;

namespace Samordning.Notifications.Admin;

internal sealed record SentReminder(
    string DeadlineKey, string Title, DateTimeOffset DueAt, string RecipientName, string Offset, string Channel, string State, DateTimeOffset ClaimedAt, string? Error);

internal sealed record MailProblem(string Key, string ToAddress, string Subject, string State, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

internal sealed record OpenDeadline(string Key, string Kind, string Title, DateTimeOffset DueAt, string Link, int Recipients);

internal sealed record ReminderOverviewView(IReadOnlyList<SentReminder> Sent, IReadOnlyList<MailProblem> Problems, IReadOnlyList<OpenDeadline> Deadlines);

// What coordinators and administrators see: the reminders sent (newest first), the e-mails that failed or wait for
// a retry, and the open deadlines of every module, so a reminder can be sent now.
internal sealed class ReminderOverview : IEndpoint
{
    public const int MaxRows = 200;

    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications/reminders", async (NotificationsDbContext db, IEnumerable<IDeadlineSource> sources, Shared.Time.IClock clock, CancellationToken ct) =>
                TypedResults.Ok(await GetAsync(db, sources, clock, ct)))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Notifications")
            .WithSummary("Reminders sent, e-mails that failed or wait for a retry, and open deadlines (coordinators and administrators).");

    public static async Task<ReminderOverviewView> GetAsync(
        NotificationsDbContext db, IEnumerable<IDeadlineSource> sources, Shared.Time.IClock clock, CancellationToken cancellationToken)
    {
        var sent = await db.ReminderLog.AsNoTracking()
            .OrderByDescending(e => e.ClaimedAt)
            .Take(MaxRows)
            .Select(e => new SentReminder(e.DeadlineKey, e.Title, e.DueAt, e.RecipientName, e.Offset, e.Channel, e.State.ToString(), e.ClaimedAt, e.Error))
            .ToListAsync(cancellationToken);
        var problems = await db.Mail.AsNoTracking()
            .Where(m => m.State == MailState.Failed || (m.State != MailState.Sent && m.LastError != null))
            .OrderByDescending(m => m.NextAttemptAt)
            .Take(MaxRows)
            .Select(m => new MailProblem(m.Key, m.ToAddress, m.Subject, m.State.ToString(), m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new ReminderOverviewView(sent, problems, await DeadlinesAsync(sources, clock, cancellationToken));
    }

    public static async Task<List<OpenDeadline>> DeadlinesAsync(IEnumerable<IDeadlineSource> sources, Shared.Time.IClock clock, CancellationToken cancellationToken)
    {
        var open = new List<OpenDeadline>();
        await foreach (var deadline in AllAsync(sources, clock, cancellationToken))
        {
            open.Add(new OpenDeadline(deadline.Key, deadline.Kind, deadline.Title, deadline.DueAt, deadline.Link, deadline.RecipientPersonIds.Distinct().Count()));
        }

        return [.. open.OrderBy(d => d.DueAt).Take(MaxRows)];
    }

    public static async IAsyncEnumerable<Deadline> AllAsync(
        IEnumerable<IDeadlineSource> sources, Shared.Time.IClock clock, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(clock.UtcNow.AddYears(-1), until: null, cancellationToken))
            {
                yield return deadline;
            }
        }
    }
}
