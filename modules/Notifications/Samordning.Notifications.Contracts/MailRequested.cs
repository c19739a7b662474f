using Samordning.Shared.Events;

namespace Samordning.Notifications.Contracts;

/// <summary>
/// Another module asks for an e-mail as part of its own change: staged in that module's outbox
/// (<c>ModuleDbContext.StageEvent</c>) in the same transaction, so a stored change never lacks its mail. The
/// Notifications module queues it once per <see cref="OutgoingMail.Key"/>, however often it is delivered.
/// </summary>
/// <param name="Mail">The e-mail, already written in the recipient's language.</param>
public sealed record MailRequested(OutgoingMail Mail) : IEvent;
