using Microsoft.Extensions.Logging;
using Samordning.Notifications.Data;

namespace Samordning.Notifications.Sweep;

// The reminder log's side of the sweep: what is logged already, the preferences, and storing the planner's claims.
// A claim is its log row inserted with what it delivers in one transaction; a log row already there means another
// sweep or node has it. Everything claimed goes in one bulk insert (BulkInserts: on SQLite a claim whose log row
// was stored in between is skipped; on a server the insert fails as a unique violation); should that fail, the
// claims are stored again in the planner's fallback parts, where a unique violation means the part's claim is
// taken and any other failure stops only its own part, so exactly-once holds and one person's trouble never
// stops the others.
internal sealed class ReminderClaimStore(NotificationsDbContext db, ILogger<ReminderClaimStore> logger)
{
    public async Task<Dictionary<Guid, NotificationPreference>> PreferencesAsync(CancellationToken cancellationToken) =>
        await db.Preferences.AsNoTracking().ToDictionaryAsync(p => p.PersonId, cancellationToken);

    // The log keys the due deadlines already have, in one query (by deadline key, the unique index's prefix; the
    // keys as one JSON parameter, as thousands of them would pass SQL Server's limit of 2,100 parameters).
    public async Task<HashSet<ReminderKey>> DoneAsync(IEnumerable<DueReminder> due, CancellationToken cancellationToken)
    {
        var keys = due.Select(r => r.Deadline.Key).Distinct().ToArray();
        var rows = await db.ReminderLog.AsNoTracking()
            .Where(e => EF.Parameter(keys).Contains(e.DeadlineKey))
            .Select(e => new { e.DeadlineKey, e.DueAt, e.RecipientId, e.Offset, e.Channel })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new ReminderKey(e.DeadlineKey, e.DueAt.UtcTicks, e.RecipientId, e.Offset, e.Channel))];
    }

    // Stores the claims; answers those that were this sweep's to send.
    public async Task<List<ReminderClaim>> StoreAsync(IReadOnlyList<ReminderClaim> claims, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return [];
        }

        try
        {
            db.ChangeTracker.Clear();
            var stored = await BulkInserts.InsertAsync(db, [.. claims.Select(c => c.Rows)], cancellationToken);
            return [.. claims.Where((_, i) => stored[i])];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing was stored (one transaction): again in smaller parts.
            db.ChangeTracker.Clear();
            if (e is not DbUpdateException update || !UniqueViolation.Is(update))
            {
                logger.LogWarning(e, "Storing {Count} reminders at once failed; storing them in smaller parts.", claims.Count);
            }

            var stored = new List<ReminderClaim>();
            foreach (var part in ReminderPlanner.FallbackParts(claims))
            {
                stored.AddRange(part.Count > 1 ? await StoreAsync(part, cancellationToken) : await TryClaimAsync(part[0], cancellationToken));
            }

            return stored;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    // The claim of one row: the log row and what it delivers are inserted together; a unique violation means it is
    // taken, and any other failure is logged and left for the next sweep.
    private async Task<List<ReminderClaim>> TryClaimAsync(ReminderClaim claim, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AddRange(claim.Rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [claim];
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Reminder {Offset} of {Deadline} to {Person} by {Channel} failed; the sweep goes on.",
                claim.Entry.Offset, claim.Entry.DeadlineKey, claim.Entry.RecipientId, claim.Entry.Channel);
            return [];
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
