using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Mail;

internal sealed record RenderedMail(string Subject, string Text, string Html);

// Reminder and digest e-mails in the recipient's language (Bokmål unless they chose English), with an absolute
// link to the page where they act. Titles come from other modules and are encoded in the HTML part.
internal static class ReminderMail
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    // when: how the due instant is written (When, or a cache of it: a sweep renders thousands sharing few instants).
    public static RenderedMail Reminder(string language, string name, Deadline deadline, bool overdue, string publicBaseUrl, Func<DateTimeOffset, bool, string>? when = null)
    {
        var english = IsEnglish(language);
        var title = english ? deadline.Title.En : deadline.Title.Nb;
        var dueText = (when ?? When)(deadline.DueAt, english);
        var url = Absolute(publicBaseUrl, deadline.Link);
        var subject = (english, overdue) switch
        {
            (true, true) => $"Deadline passed: {title}",
            (true, false) => $"Reminder: {title} – due {dueText}",
            (false, true) => $"Fristen er passert: {title}",
            (false, false) => $"Påminnelse: {title} – frist {dueText}",
        };
        var line = english
            ? (overdue ? $"The deadline for “{title}” was {dueText} (Norwegian time), and it is still open." : $"The deadline for “{title}” is {dueText} (Norwegian time).")
            : (overdue ? $"Fristen for «{title}» var {dueText} (norsk tid), og saken er fortsatt åpen." : $"Fristen for «{title}» er {dueText} (norsk tid).");
        var greeting = english ? $"Hello {name}," : $"Hei {name},";
        var go = english ? "Open it here:" : "Gå til saken:";
        var text = $"{greeting}\n\n{line}\n\n{go} {url}\n\n– Samordning\n";
        var html = $"<p>{Encode(greeting)}</p><p>{Encode(line)}</p><p><a href=\"{Encode(url)}\">{Encode(go)} {Encode(url)}</a></p><p>– Samordning</p>";
        return new RenderedMail(Truncate(subject), text, html);
    }

    public static RenderedMail Digest(string language, string name, IReadOnlyList<(string Title, DateTimeOffset DueAt, string Link)> items, string publicBaseUrl)
    {
        var english = IsEnglish(language);
        var subject = english ? $"Samordning: {items.Count} deadline reminder(s)" : $"Samordning: {items.Count} påminnelse(r) om frister";
        var text = new StringBuilder(english ? $"Hello {name},\n\nToday's reminders:\n\n" : $"Hei {name},\n\nDagens påminnelser:\n\n");
        var html = new StringBuilder($"<p>{Encode(english ? $"Hello {name}," : $"Hei {name},")}</p><ul>");
        foreach (var item in items)
        {
            var url = Absolute(publicBaseUrl, item.Link);
            var line = english ? $"{item.Title} – due {When(item.DueAt, true)}" : $"{item.Title} – frist {When(item.DueAt, false)}";
            text.Append(CultureInfo.InvariantCulture, $"- {line}\n  {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(line)}</a></li>");
        }

        text.Append("\n– Samordning\n");
        html.Append("</ul><p>– Samordning</p>");
        return new RenderedMail(subject, text.ToString(), html.ToString());
    }

    public static string When(DateTimeOffset at, bool english) =>
        Oslo.ToOslo(at).ToString(english ? "d MMMM yyyy HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", english ? English : Norwegian);

    public static string Absolute(string baseUrl, string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : $"{baseUrl.TrimEnd('/')}/{link.TrimStart('/')}";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Truncate(string subject) => subject.Length <= 400 ? subject : subject[..400];
}
