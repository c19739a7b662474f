using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Observability;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Outbox;

// samordning.outbox.depth and .oldest_age: every module store's outbox together. Delivered rows are deleted, so
// the tables stay small and a count of each is cheap; what grows here is what does not get delivered.
internal sealed class OutboxBacklog(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases) : IBacklogProbe
{
    public string Queue => "outbox";

    public async Task<Backlog> MeasureAsync(CancellationToken cancellationToken)
    {
        long depth = 0;
        DateTimeOffset? oldest = null;
        foreach (var store in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(store.ContextType);
            var count = await db.OutboxMessages.LongCountAsync(cancellationToken);
            if (count == 0)
            {
                continue;
            }

            depth += count;
            var first = await db.OutboxMessages.OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).FirstAsync(cancellationToken);
            oldest = oldest is { } known && known <= first ? known : first;
        }

        return new Backlog(depth, oldest);
    }
}
