using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Samordning.Shared.Text;

namespace Samordning.Notifications.Mail;

// E-mails about what happened (ActivityHappened), one by one or as the daily digest, in the recipient's language
// with an absolute link to the page. Titles come from other modules and are encoded in the HTML part.
internal static class ActivityMail
{
    public static RenderedMail Single(string language, string name, string title, string link, string publicBaseUrl)
    {
        var culture = Localized.CultureOf(language);
        var url = ReminderMail.Absolute(publicBaseUrl, link);
        var greeting = ReminderMail.Greeting.Format(culture, name);
        var go = new LocalizedText("Se saken her:", "See it here:").In(culture);
        var text = $"{greeting}\n\n{title}\n\n{go} {url}\n\n– Samordning\n";
        var html = $"<p>{Encode(greeting)}</p><p>{Encode(title)}</p><p><a href=\"{Encode(url)}\">{Encode(go)} {Encode(url)}</a></p><p>– Samordning</p>";
        var subject = $"Samordning: {title}";
        return new RenderedMail(subject.Length <= 400 ? subject : subject[..400], text, html);
    }

    public static RenderedMail Digest(string language, string name, IReadOnlyList<(string Title, DateTimeOffset At, string Link)> items, string publicBaseUrl)
    {
        var culture = Localized.CultureOf(language);
        var subject = new LocalizedText("Samordning: dette har skjedd ({0})", "Samordning: what happened ({0})").Format(culture, items.Count);
        var greeting = ReminderMail.Greeting.Format(culture, name);
        var text = new StringBuilder($"{greeting}\n\n{new LocalizedText("Siden forrige sammendrag:", "Since the last digest:").In(culture)}\n\n");
        var html = new StringBuilder($"<p>{Encode(greeting)}</p><ul>");
        foreach (var item in items)
        {
            var url = ReminderMail.Absolute(publicBaseUrl, item.Link);
            var line = $"{ReminderMail.When(item.At, culture)}: {item.Title}";
            text.Append(CultureInfo.InvariantCulture, $"- {line}\n  {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(line)}</a></li>");
        }

        text.Append("\n– Samordning\n");
        html.Append("</ul><p>– Samordning</p>");
        return new RenderedMail(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
