using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Samordning.Notifications.Mail;

// E-mails about what happened (ActivityHappened), one by one or as the daily digest, in the recipient's language
// with an absolute link to the page. Titles come from other modules and are encoded in the HTML part.
internal static class ActivityMail
{
    public static RenderedMail Single(string language, string name, string title, string link, string publicBaseUrl)
    {
        var english = ReminderMail.IsEnglish(language);
        var url = ReminderMail.Absolute(publicBaseUrl, link);
        var greeting = english ? $"Hello {name}," : $"Hei {name},";
        var go = english ? "See it here:" : "Se saken her:";
        var text = $"{greeting}\n\n{title}\n\n{go} {url}\n\n– Samordning\n";
        var html = $"<p>{Encode(greeting)}</p><p>{Encode(title)}</p><p><a href=\"{Encode(url)}\">{Encode(go)} {Encode(url)}</a></p><p>– Samordning</p>";
        var subject = $"Samordning: {title}";
        return new RenderedMail(subject.Length <= 400 ? subject : subject[..400], text, html);
    }

    public static RenderedMail Digest(string language, string name, IReadOnlyList<(string Title, DateTimeOffset At, string Link)> items, string publicBaseUrl)
    {
        var english = ReminderMail.IsEnglish(language);
        var subject = english ? $"Samordning: what happened ({items.Count})" : $"Samordning: dette har skjedd ({items.Count})";
        var text = new StringBuilder(english ? $"Hello {name},\n\nSince the last digest:\n\n" : $"Hei {name},\n\nSiden forrige sammendrag:\n\n");
        var html = new StringBuilder($"<p>{Encode(english ? $"Hello {name}," : $"Hei {name},")}</p><ul>");
        foreach (var item in items)
        {
            var url = ReminderMail.Absolute(publicBaseUrl, item.Link);
            var line = $"{ReminderMail.When(item.At, english)}: {item.Title}";
            text.Append(CultureInfo.InvariantCulture, $"- {line}\n  {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(line)}</a></li>");
        }

        text.Append("\n– Samordning\n");
        html.Append("</ul><p>– Samordning</p>");
        return new RenderedMail(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
