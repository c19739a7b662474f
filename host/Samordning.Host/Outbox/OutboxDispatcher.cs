using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Host.Live;
using Samordning.Shared.Events;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;

namespace Samordning.Host.Outbox;

// Delivers every module's outbox rows: live items to the live store (the row id as the item's source key, so a
// redelivery stores nothing new), events to every handler of their type (handlers are idempotent). A row is
// deleted once delivered. Right after a commit the request delivers its own rows (leased to it from the start);
// the job (OutboxWorker) deletes those in batches and delivers whatever is left: a failed handler, a crash, a
// node that died. Before it delivers a row it claims it with one conditional update, so two nodes rarely deliver
// the same row; the receivers' idempotency covers the rest. On SQLite its writes queue in the file's group writer
// (ModuleDbContext.ExecuteWriteAsync) like every save: a write outside the queue stalls the queue on the file's lock.
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, IClock clock, OutboxSettings settings, ILogger<OutboxDispatcher> logger)
{
    private const int DeleteChunk = 500;
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, Func<IServiceProvider, string, CancellationToken, Task>> EventDelivery = new(StringComparer.Ordinal);
    private static readonly MethodInfo DeliverEventMethod = typeof(OutboxDispatcher).GetMethod(nameof(DeliverEventAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ModuleDatabase[] stores = [.. databases];

    // Rows delivered right after their commit, per store, waiting for the job to delete them in one statement.
    private readonly ConcurrentDictionary<ModuleDatabase, ConcurrentQueue<Guid>> delivered = new();

    public async Task DeliverCommittedAsync(IServiceProvider services, ModuleDbContext db, IReadOnlyList<OutboxMessage> messages)
    {
        var store = StoreOf(db);
        var failures = await DeliverAsync(services, messages);
        var done = delivered.GetOrAdd(store, _ => new ConcurrentQueue<Guid>());
        foreach (var message in messages.Where(m => !failures.ContainsKey(m.Id)))
        {
            done.Enqueue(message.Id);
        }

        if (failures.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(store.ContextType);
            foreach (var message in messages.Where(m => failures.ContainsKey(m.Id)))
            {
                await PostponeAsync(own, message.Id, 0, failures[message.Id], CancellationToken.None);
            }
        }
    }

    /// <summary>One pass over every store: deletes what was delivered, delivers what is due. Returns rows delivered.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var store in stores)
        {
            try
            {
                count += await RunPassAsync(store, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(logger, exception, store.Store);
            }
        }

        return count;
    }

    private async Task<int> RunPassAsync(ModuleDatabase store, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(store.ContextType);
        if (delivered.TryGetValue(store, out var done))
        {
            await DeleteAsync(db, Drain(done), cancellationToken);
        }

        var now = clock.UtcNow;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        // The claims of a pass are one write (on SQLite, one turn of the file's writer and one commit).
        var claimed = new List<OutboxMessage>(due.Count);
        var lease = now + OutboxMessage.Lease;
        await db.ExecuteWriteAsync(async ct =>
        {
            claimed.Clear();
            foreach (var message in due)
            {
                var seen = message.NextAttemptAt;
                if (await db.OutboxMessages
                        .Where(m => m.Id == message.Id && m.NextAttemptAt == seen)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1)
                {
                    claimed.Add(message);
                }
            }

            return claimed.Count;
        }, cancellationToken);
        claimed.ForEach(m => m.Attempts++);

        if (claimed.Count == 0)
        {
            return 0;
        }

        var failures = await DeliverAsync(scope.ServiceProvider, claimed);
        foreach (var message in claimed.Where(m => failures.ContainsKey(m.Id)))
        {
            await PostponeAsync(db, message.Id, message.Attempts, failures[message.Id], cancellationToken);
        }

        var succeeded = claimed.Where(m => !failures.ContainsKey(m.Id)).Select(m => m.Id).ToList();
        await DeleteAsync(db, succeeded, cancellationToken);
        return succeeded.Count;
    }

    // Live items go to the live store together (one batch); each event on its own, in a scope of its own, so one
    // failing handler fails only its own row.
    private async Task<Dictionary<Guid, Exception>> DeliverAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages)
    {
        var failures = new Dictionary<Guid, Exception>();
        var live = messages.Where(m => m.Kind == OutboxKinds.Live).ToList();
        if (live.Count > 0)
        {
            try
            {
                await services.GetRequiredService<LiveUpdates>().PublishRowsAsync(
                    [.. live.Select(m => new LiveRow(m.Topic!, m.Type, m.Payload, m.Id))], CancellationToken.None);
            }
            catch (Exception exception)
            {
                live.ForEach(m => failures[m.Id] = exception);
            }
        }

        foreach (var message in messages.Where(m => m.Kind != OutboxKinds.Live))
        {
            try
            {
                if (message.Kind != OutboxKinds.Event)
                {
                    throw new InvalidOperationException($"Unknown outbox kind '{message.Kind}'.");
                }

                await using var scope = scopes.CreateAsyncScope();
                await EventDelivery.GetOrAdd(message.Type, Deliverer)(scope.ServiceProvider, message.Payload, CancellationToken.None);
            }
            catch (Exception exception)
            {
                failures[message.Id] = exception;
            }
        }

        foreach (var (id, exception) in failures)
        {
            LogDeliveryFailed(logger, exception, id);
        }

        return failures;
    }

    private static Func<IServiceProvider, string, CancellationToken, Task> Deliverer(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        return DeliverEventMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, string, CancellationToken, Task>>();
    }

    // Every handler of the event's type; the first failure fails the row, and the next delivery calls them all again.
    private static async Task DeliverEventAsync<TEvent>(IServiceProvider services, string payload, CancellationToken cancellationToken)
        where TEvent : IEvent
    {
        var @event = JsonSerializer.Deserialize<TEvent>(payload, JsonSerializerOptions.Web)!;
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync(@event, cancellationToken);
        }
    }

    private async Task PostponeAsync(ModuleDbContext db, Guid id, int attempts, Exception failure, CancellationToken cancellationToken)
    {
        // 1, 2, 4 … seconds, at most ten minutes: a receiver that is down is asked again soon, not hammered.
        var backOff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), MaxBackOff.TotalSeconds));
        var next = clock.UtcNow + backOff;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        await db.ExecuteWriteAsync(ct => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), ct), cancellationToken);
    }

    private static async Task DeleteAsync(ModuleDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(DeleteChunk))
        {
            await db.ExecuteWriteAsync(ct => db.OutboxMessages.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(ct), cancellationToken);
        }
    }

    private static List<Guid> Drain(ConcurrentQueue<Guid> queue)
    {
        var ids = new List<Guid>();
        while (queue.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }

    private ModuleDatabase StoreOf(ModuleDbContext db) =>
        stores.FirstOrDefault(s => s.ContextType == db.GetType())
        ?? stores.First(s => s.ContextType.IsInstanceOfType(db));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was not delivered; it will be tried again.")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox pass over store {Store} failed.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string store);
}
