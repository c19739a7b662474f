using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Host.Data;
using Samordning.Shared.Live;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;

namespace Samordning.Host.Live;

// Store first, with the topic's next sequence number; then broadcast. SignalR delivers at most once, so the
// stored item is the guarantee and the broadcast an optimisation: clients fetch gaps with GetAfterAsync. A
// publish returns once its items are stored; LiveBroadcaster sends them off the request path.
internal sealed class LiveUpdates(HostDbContext db, LiveBroadcaster broadcaster, SqliteWriters sqliteWriters, IClock clock) : ILiveUpdates
{
    private const int MaxAttempts = 20;

    // A server: serialises allocation per topic on this node; across nodes the statement and the unique index decide.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<LiveItem> PublishAsync(string topic, string type, object payload, CancellationToken cancellationToken) =>
        (await PublishManyAsync([new LivePublication(topic, type, payload)], cancellationToken))[0];

    public async Task<IReadOnlyList<LiveItem>> PublishManyAsync(IReadOnlyList<LivePublication> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        return await PublishRowsAsync(
            [.. items.Select(i => new LiveRow(i.Topic, i.Type, JsonSerializer.Serialize(i.Payload, i.Payload.GetType(), JsonSerializerOptions.Web)))],
            cancellationToken);
    }

    // Also the outbox's way in: its rows carry their source id, so a redelivery stores nothing new.
    internal async Task<IReadOnlyList<LiveItem>> PublishRowsAsync(LiveRow[] rows, CancellationToken cancellationToken)
    {
        if (rows.Length == 0)
        {
            return [];
        }

        // SQLite: the file's group writer commits this publish with whatever else is queued for the file.
        // Each item is queued for broadcasting as it is committed, in its topic's sequence order: by the group writer
        // on SQLite, under the topic's stripe on a server (see LiveWrite).
        var at = clock.UtcNow;
        var stored = new LiveItem[rows.Length];
        void Committed(int i, long sequence)
        {
            stored[i] = new LiveItem(rows[i].Topic, sequence, rows[i].Type, rows[i].Json, at);
            broadcaster.Enqueue(stored[i]);
        }

        if (db.Database.IsSqlite())
        {
            await sqliteWriters.For(db.Database.GetConnectionString()!).WriteAsync(new LiveWrite(LiveItemInsert.For(db), rows, at, sequences =>
            {
                for (var i = 0; i < sequences.Length; i++)
                {
                    Committed(i, sequences[i]);
                }
            }));
        }
        else
        {
            await StoreEachAsync(rows, at, Committed, cancellationToken);
        }

        return stored;
    }

    public async Task<IReadOnlyList<LiveItem>> GetAfterAsync(string topic, long after, int max, CancellationToken cancellationToken) =>
        await db.LiveItems.AsNoTracking()
            .Where(i => i.Topic == topic && i.Sequence > after)
            .OrderBy(i => i.Sequence)
            .Take(Math.Clamp(max, 1, 1000))
            .Select(i => new LiveItem(i.Topic, i.Sequence, i.Type, i.Payload, i.At))
            .ToListAsync(cancellationToken);

    public async Task<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken) =>
        await db.LiveItems.Where(i => i.Topic == topic).MaxAsync(i => (long?)i.Sequence, cancellationToken) ?? 0;

    // A server: one statement per item, each its own transaction, under the topic's stripe on this node.
    private async Task StoreEachAsync(LiveRow[] rows, DateTimeOffset at, Action<int, long> committed, CancellationToken cancellationToken)
    {
        var insert = LiveItemInsert.For(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = insert.Create(db.Database.GetDbConnection(), transaction: null);
            for (var i = 0; i < rows.Length; i++)
            {
                var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(rows[i].Topic) % Stripes.Length)];
                await stripe.WaitAsync(cancellationToken);
                try
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            committed(i, await insert.RunAsync(command, rows[i], at, cancellationToken));
                            break;
                        }
                        catch (DbException) when (attempt < MaxAttempts)
                        {
                            // A unique-key clash with another node, or a deadlock victim: try again.
                        }
                    }
                }
                finally
                {
                    stripe.Release();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
