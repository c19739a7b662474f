using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Notifications.Mail;

internal sealed record RenderedMail(string Subject, string Text, string Html);

// A one-click action as a mail shows it: its label in the recipient's language and the page's path.
internal sealed record MailAction(string Label, string Link);

// One reminder in a daily digest, in the recipient's language, with their one-click actions.
internal sealed record DigestLine(string Title, DateTimeOffset DueAt, string Link, IReadOnlyList<MailAction> Actions);

// Reminder and digest e-mails in the recipient's language (Bokmål unless they chose Nynorsk or English), with an
// absolute link to the page where they act. Titles come from other modules and are encoded in the HTML part. The
// texts are composite formats, so the Nynorsk catalog finds them by their Bokmål template.
internal static class ReminderMail
{
    public static readonly LocalizedText Greeting = new("Hei {0},", "Hello {0},");

    // when: how the due instant is written (When, or a cache of it: a sweep renders thousands sharing few instants).
    public static RenderedMail Reminder(
        string language, string name, Deadline deadline, bool overdue, string publicBaseUrl, Func<DateTimeOffset, CultureInfo, string>? when = null, IReadOnlyList<DeadlineAction>? actions = null)
    {
        var culture = Localized.CultureOf(language);
        var title = deadline.Title.In(culture);
        var dueText = (when ?? When)(deadline.DueAt, culture);
        var url = Absolute(publicBaseUrl, deadline.Link);
        var subject = (overdue
            ? new LocalizedText("Fristen er passert: {0}", "Deadline passed: {0}")
            : new LocalizedText("Påminnelse: {0} – frist {1}", "Reminder: {0} – due {1}")).Format(culture, title, dueText);
        var line = (overdue
            ? new LocalizedText("Fristen for «{0}» var {1} (norsk tid), og saken er fortsatt åpen.", "The deadline for “{0}” was {1} (Norwegian time), and it is still open.")
            : new LocalizedText("Fristen for «{0}» er {1} (norsk tid).", "The deadline for “{0}” is {1} (Norwegian time).")).Format(culture, title, dueText);
        var greeting = Greeting.Format(culture, name);
        var go = new LocalizedText("Gå til saken:", "Open it here:").In(culture);
        var (actionsText, actionsHtml) = Actions([.. (actions ?? []).Select(a => new MailAction(a.Label.In(culture), a.Link))], culture, publicBaseUrl);
        var text = $"{greeting}\n\n{line}\n\n{go} {url}\n{actionsText}\n– Samordning\n";
        var html = $"<p>{Encode(greeting)}</p><p>{Encode(line)}</p><p><a href=\"{Encode(url)}\">{Encode(go)} {Encode(url)}</a></p>{actionsHtml}<p>– Samordning</p>";
        return new RenderedMail(Truncate(subject), text, html);
    }

    // The recipient's one-click actions (issue 17: "unchanged" per initiative), each a link to a page that asks
    // before it changes anything, so a mail scanner that opens every link confirms nothing. Labels come in the
    // recipient's language; indent lines the text part up under a digest's item.
    private static (string Text, string Html) Actions(IReadOnlyList<MailAction> actions, CultureInfo culture, string publicBaseUrl, string indent = "")
    {
        if (actions.Count == 0)
        {
            return ("", "");
        }

        var lead = new LocalizedText("Er statusen uendret? Bekreft hvert tiltak med ett klikk:", "Is the status unchanged? Confirm each initiative with one click:").In(culture);
        var label = new LocalizedText("Uendret: {0}", "Unchanged: {0}");
        var text = new StringBuilder(indent.Length == 0 ? $"\n{lead}\n" : $"{indent}{lead}\n");
        var html = new StringBuilder($"<p>{Encode(lead)}</p><ul>");
        foreach (var action in actions)
        {
            var url = Absolute(publicBaseUrl, action.Link);
            var line = label.Format(culture, action.Label);
            text.Append(CultureInfo.InvariantCulture, $"{indent}- {line}\n{indent}  {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(line)}</a></li>");
        }

        html.Append("</ul>");
        return (text.ToString(), html.ToString());
    }

    // Each held reminder with its link, and under it the recipient's one-click actions, each link once: two reminders
    // of one round held for the same digest carry the same links.
    public static RenderedMail Digest(string language, string name, IReadOnlyList<DigestLine> items, string publicBaseUrl)
    {
        var culture = Localized.CultureOf(language);
        var subject = new LocalizedText("Samordning: {0} påminnelse(r) om frister", "Samordning: {0} deadline reminder(s)").Format(culture, items.Count);
        var greeting = Greeting.Format(culture, name);
        var text = new StringBuilder($"{greeting}\n\n{new LocalizedText("Dagens påminnelser:", "Today's reminders:").In(culture)}\n\n");
        var html = new StringBuilder($"<p>{Encode(greeting)}</p><ul>");
        var due = new LocalizedText("{0} – frist {1}", "{0} – due {1}");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var url = Absolute(publicBaseUrl, item.Link);
            var line = due.Format(culture, item.Title, When(item.DueAt, culture));
            var (actionsText, actionsHtml) = Actions([.. item.Actions.Where(a => shown.Add(a.Link))], culture, publicBaseUrl, indent: "  ");
            text.Append(CultureInfo.InvariantCulture, $"- {line}\n  {url}\n{actionsText}");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(line)}</a>{actionsHtml}</li>");
        }

        text.Append("\n– Samordning\n");
        html.Append("</ul><p>– Samordning</p>");
        return new RenderedMail(subject, text.ToString(), html.ToString());
    }

    // "6. april 2018 kl. 12:00" in Bokmål and Nynorsk (month names from nb-NO or nn-NO), "6 April 2018 12:00" in English.
    public static string When(DateTimeOffset at, CultureInfo culture) =>
        Oslo.ToOslo(at).ToString(Localized.LanguageOf(culture) == "en" ? "d MMMM yyyy HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", culture);

    public static string Absolute(string baseUrl, string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : $"{baseUrl.TrimEnd('/')}/{link.TrimStart('/')}";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Truncate(string subject) => subject.Length <= 400 ? subject : subject[..400];
}
