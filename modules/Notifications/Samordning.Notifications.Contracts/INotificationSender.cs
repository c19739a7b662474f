namespace Samordning.Notifications.Contracts;

/// <summary>
/// Sends mail and in-app notifications on behalf of other modules (a receipt for submitted input, for example).
/// The Notifications module stores what it is given before it returns and delivers it with retries, exactly once
/// per <c>Key</c>: a caller that is unsure whether its call went through simply calls again with the same key.
/// </summary>
public interface INotificationSender
{
    /// <summary>Stores an e-mail for delivery over SMTP (or to the pickup folder when no SMTP server is configured).</summary>
    Task QueueMailAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Stores an in-app notification for a person in the registry and pushes it live on their topic.</summary>
    Task NotifyAsync(PersonNotification notification, CancellationToken cancellationToken);
}

/// <summary>An e-mail, already written in the recipient's language.</summary>
/// <param name="Key">Idempotency key, unique per message, for example <c>feedback.receipt:{submissionId}</c>.</param>
/// <param name="ToAddress">The recipient's e-mail address.</param>
/// <param name="ToName">The recipient's name, when known.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body (always sent).</param>
/// <param name="HtmlBody">An HTML alternative, already encoded, or null.</param>
public sealed record OutgoingMail(string Key, string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>An in-app notification for one person.</summary>
/// <param name="Key">Idempotency key, unique per notification and person.</param>
/// <param name="PersonId">The person in the Ministries registry.</param>
/// <param name="Title">What it is about, in Bokmål and English.</param>
/// <param name="Link">Path of the page where the person acts.</param>
public sealed record PersonNotification(string Key, Guid PersonId, Shared.Text.LocalizedText Title, string Link);
