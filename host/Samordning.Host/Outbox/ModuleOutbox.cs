using Samordning.Shared.Persistence;

namespace Samordning.Host.Outbox;

// IOutbox for a request: delivers what the module's save just committed, on the request's own services, so a
// live note still reaches its followers at once. What fails here stays in the module's outbox for the job.
internal sealed class ModuleOutbox(IServiceProvider services, OutboxDispatcher dispatcher, OutboxSettings settings) : IOutbox
{
    public async Task DeliverAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = db.TakeCommittedOutbox();
        if (messages.Count > 0 && settings.DeliverAtOnce)
        {
            // Not the request's token: the change is committed, and a client that went away must not stop its delivery.
            await dispatcher.DeliverCommittedAsync(services, db, messages);
        }
    }
}
