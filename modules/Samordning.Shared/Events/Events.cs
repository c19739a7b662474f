namespace Samordning.Shared.Events;

/// <summary>
/// Marker for events between modules. A module stages them in its outbox (<c>ModuleDbContext.StageEvent</c>) in the
/// transaction of the change that caused them; the host delivers them until every handler has succeeded.
/// </summary>
public interface IEvent;

/// <summary>Handles one kind of event. Found by the host's Scrutor scan.</summary>
public interface IEventHandler<in TEvent> where TEvent : IEvent
{
    /// <summary>
    /// Handles the event. An exception leaves the event in the sender's outbox to be delivered again (to every
    /// handler of its type), so handlers must be idempotent.
    /// </summary>
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes an event to every handler in every module, in memory only, a failing handler logged. Not for a module's
/// events to other modules, which go through its outbox so they cannot be lost; for tools and tests.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes now, in memory.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken) where TEvent : IEvent;
}
