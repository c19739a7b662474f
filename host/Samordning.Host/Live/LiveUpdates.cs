using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Samordning.Host.Data;
using Samordning.Shared.Live;
using Samordning.Shared.Time;

namespace Samordning.Host.Live;

// Store first, with the topic's next sequence number; then broadcast. SignalR delivers at most once, so the
// stored item is the guarantee and the broadcast an optimisation: clients fetch gaps with GetAfterAsync.
internal sealed class LiveUpdates(HostDbContext db, IHubContext<LiveHub> hub, IClock clock) : ILiveUpdates
{
    private const int MaxAttempts = 20;

    // Serialises sequence allocation per topic on this node; across nodes the unique index decides and we retry.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<LiveItem> PublishAsync(string topic, string type, object payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(payload, payload.GetType(), JsonSerializerOptions.Web);
        var stored = await StoreAsync(topic, type, json, cancellationToken);
        await hub.Clients.Group(topic).SendAsync(LiveHub.ItemMethod, stored, cancellationToken);
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

    private async Task<LiveItem> StoreAsync(string topic, string type, string json, CancellationToken cancellationToken)
    {
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(topic) % Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var last = await db.LiveItems.Where(i => i.Topic == topic).MaxAsync(i => (long?)i.Sequence, cancellationToken) ?? 0;
                var row = new LiveItemRow { Topic = topic, Sequence = last + 1, Type = type, Payload = json, At = clock.UtcNow };
                db.LiveItems.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new LiveItem(row.Topic, row.Sequence, row.Type, row.Payload, row.At);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another node took this sequence number first: take the next one.
                    db.Entry(row).State = EntityState.Detached;
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }
}
