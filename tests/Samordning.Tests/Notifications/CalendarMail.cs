using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Samordning.Tests.Notifications;

// Reading the mails the SMTP sink received and the iCalendar they carry, as a mail client would.
internal static class CalendarMail
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task DeliverMailAsync(NotificationsHarness harness)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Samordning.Notifications.Mail.MailDelivery>().DeliverDueAsync(Ct);
    }

    public static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));

    public static TextPart CalendarOf(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");

    // Unfolded content lines (a mail client may have turned CRLF into LF; the writer's own CRLF is tested apart).
    public static string[] Lines(string calendar) =>
        calendar.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal).Split('\n');

    public static string Property(string calendar, string name) =>
        Lines(calendar).Single(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));

    public static long Sequence(string calendar) =>
        long.Parse(Property(calendar, "SEQUENCE")["SEQUENCE:".Length..], System.Globalization.CultureInfo.InvariantCulture);

    // The addresses of the ATTENDEE lines.
    public static List<string> Attendees(string calendar) =>
        [.. Lines(calendar).Where(l => l.StartsWith("ATTENDEE;", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf("mailto:", StringComparison.Ordinal) + "mailto:".Length)..])];
}
