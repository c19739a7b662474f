using System.Collections.Concurrent;
using Samordning.Notifications.Contracts;

namespace Samordning.Benchmarks.Hosting;

// Benchmark code only: the host needs an INotificationSender to start (the Feedback module asks for one), and the
// Notifications module's implementation arrives on another branch. Registered with TryAdd after the product's
// services, so the real sender wins as soon as it exists. It keeps what it is given in memory, as a store would,
// which makes it cheaper than the real one: figures of paths that notify are slightly flattering until then.
internal sealed class RecordingNotificationSender : INotificationSender
{
    public ConcurrentQueue<OutgoingMail> Mails { get; } = new();

    public ConcurrentQueue<PersonNotification> Notifications { get; } = new();

    public Task QueueMailAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Mails.Enqueue(mail);
        return Task.CompletedTask;
    }

    public Task NotifyAsync(PersonNotification notification, CancellationToken cancellationToken)
    {
        Notifications.Enqueue(notification);
        return Task.CompletedTask;
    }
}
