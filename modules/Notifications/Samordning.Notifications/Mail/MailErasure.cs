using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;

namespace Samordning.Notifications.Mail;

// For other modules (a contributor's receipt): the outbox rows by key, then their .eml files. The rows go first:
// a file whose row is gone is an orphan the retention job removes, while a row without its file is harmless.
internal sealed class MailErasure(NotificationsDbContext db, IMailTransport transport) : IMailErasure
{
    private const int Chunk = 500;

    public async Task<int> EraseAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var erased = 0;
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var ids = await db.Mail.Where(m => chunk.Contains(m.Key)).Select(m => m.Id).ToListAsync(cancellationToken);
            erased += await DeleteAsync(db, transport, ids, cancellationToken);
        }

        return erased;
    }

    public static async Task<int> DeleteAsync(NotificationsDbContext db, IMailTransport transport, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var deleted = await db.ExecuteWriteAsync(ct => db.Mail.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct), cancellationToken);
        (transport as PickupFolderTransport)?.Delete(ids);
        return deleted;
    }
}
