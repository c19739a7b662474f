namespace Samordning.Notifications.Data;

// Inserts a row whose unique index is its idempotency key: a second insert of the same key (a redelivered event,
// another node doing the same work) meets the unique violation and stores nothing. True when this call stored it.
internal static class StoreOnce
{
    public static Task<bool> InsertAsync(NotificationsDbContext db, object row, CancellationToken cancellationToken)
    {
        db.Add(row);
        return SaveAsync(db, cancellationToken);
    }

    // Saves what is tracked, as one claim: false (and nothing saved) when a unique key was taken first.
    public static async Task<bool> SaveAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
