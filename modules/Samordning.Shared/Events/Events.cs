namespace Samordning.Shared.Events;

/// <summary>Marker for in-process events that modules publish after their transaction commits.</summary>
public interface IEvent;

/// <summary>Handles one kind of event. Found by the host's Scrutor scan.</summary>
public interface IEventHandler<in TEvent> where TEvent : IEvent
{
    /// <summary>Handles the event. Exceptions are logged and do not undo the publisher's commit.</summary>
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>Publishes an event to every handler in every module.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes after commit: callers save first, then publish.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken) where TEvent : IEvent;
}
