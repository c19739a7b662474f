using Samordning.Notifications.Contracts;
using Samordning.Shared.Events;

namespace Samordning.Notifications.Mail;

// Mail other modules staged in their outbox: queued through the sender, which stores it once per key, so a
// redelivery of the event queues nothing more.
internal sealed class MailRequests(INotificationSender sender) : IEventHandler<MailRequested>
{
    public Task HandleAsync(MailRequested @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return sender.QueueMailAsync(@event.Mail, cancellationToken);
    }
}
