using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Samordning.Notifications.Data;

namespace Samordning.Notifications.Mail;

// Where an e-mail goes: an SMTP server, or the pickup folder when none is configured.
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

// The outcome of a failed attempt: retry later, or give up on this recipient for good.
internal sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

internal static class MimeMessages
{
    // The Message-Id comes from the outbox key, so the rare resend after a node died mid-send carries the same
    // id and mail systems can recognise it as the same message.
    public static MimeMessage From(MailMessage mail, SmtpSettings smtp)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.MessageId = $"{mail.Id:N}@samordning";
        if (mail.Calendar is null)
        {
            message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
            return message;
        }

        // An invitation: the calendar is the last alternative, text/calendar with its METHOD as a parameter, which
        // is where Outlook and other clients look for it to show accept/decline or remove the meeting.
        var alternative = new MultipartAlternative { new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.TextBody } };
        if (mail.HtmlBody is not null)
        {
            alternative.Add(new TextPart(MimeKit.Text.TextFormat.Html) { Text = mail.HtmlBody });
        }

        var calendar = new TextPart("calendar") { Text = mail.Calendar, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Parameters.Add("method", mail.CalendarMethod ?? "REQUEST");
        alternative.Add(calendar);
        message.Body = alternative;
        return message;
    }
}

internal sealed class SmtpMailTransport(IOptions<NotificationsOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new MailDeliveryException($"The server refused the recipient: {(int)e.StatusCode} {e.Message}", permanent: true, e);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or SslHandshakeException or AuthenticationException)
        {
            throw new MailDeliveryException($"{e.GetType().Name}: {e.Message}", permanent: false, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // MailKit reports its own timeout as a cancellation.
            throw new MailDeliveryException($"Timed out: {e.Message}", permanent: false, e);
        }
    }
}

// The embedded default: each message becomes an .eml file, written to a temporary name and then moved, so a
// reader never sees half a message.
internal sealed class PickupFolderTransport(string folder) : IMailTransport
{
    private const string Extension = ".eml";

    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = Path.Combine(Folder, $"{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}{Extension}");
        var temporary = name + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, name, overwrite: true);
    }

    // The file of an outbox message is named by its id (MimeMessages.From makes the Message-Id from it).
    public void Delete(IEnumerable<Guid> mailIds)
    {
        foreach (var id in mailIds)
        {
            File.Delete(Path.Combine(Folder, $"{id:N}{Extension}"));
        }
    }

    // The outbox ids the folder's files were written for (a file of another name has no id).
    public IReadOnlyList<Guid> Files() =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, $"*{Extension}")
                .Select(f => Guid.TryParseExact(Path.GetFileNameWithoutExtension(f), "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)]
            : [];
}
