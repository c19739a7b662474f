using Samordning.Shared.Events;

namespace Samordning.Host.Modules;

// In-process, now. A failing handler is logged and does not fail the publisher. Modules do not use it for their
// events to other modules: those are staged in the module's outbox and delivered by Outbox/OutboxDispatcher.
internal sealed partial class EventPublisher(IServiceProvider services, ILogger<EventPublisher> logger) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken) where TEvent : IEvent
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(@event, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(logger, exception, handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed for {Event}.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string @event);
}
