using Microsoft.EntityFrameworkCore;
using Samordning.Host.Data;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;

namespace Samordning.Host.Live;

// Live items are a catch-up buffer, not a record: every page reads the current state from its module, and a
// client only asks for what it missed since it last heard (a reconnect, a gap). Their payloads carry names and
// texts (notes, notifications), so items older than Live:RetentionDays (default 7) are removed nightly. The newest
// item of each topic stays, because the topic's next number is counted from it: without it numbering would start
// again at 1 and clients holding a higher number would never see the new items.
internal sealed class LiveItemRetention(HostDbContext db, IClock clock, IConfiguration configuration) : IRecurringJob
{
    public const string JobId = "live.retention";
    private const int Batch = 5000;

    public string Id => JobId;

    public string Cron => "30 2 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.UtcNow.AddDays(-Math.Max(1, configuration.GetValue("Live:RetentionDays", 7)));

        // In batches, so the store's writers (every live publish) wait for one short delete at a time.
        // Each batch queues in the file's group writer on SQLite, beside the publishes.
        while (await db.ExecuteWriteAsync(ct => db.LiveItems
                   .Where(i => i.At < before && i.Sequence < db.LiveItems.Where(l => l.Topic == i.Topic).Max(l => l.Sequence))
                   .OrderBy(i => i.Id)
                   .Take(Batch)
                   .ExecuteDeleteAsync(ct), cancellationToken) == Batch)
        {
        }
    }
}
