using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samordning.Meetings.Pages.Moter;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Minutes;

// The minutes as a Word document (.docx): the text goes in as text runs, so nothing in an entry is markup here
// either. Headings use the built-in heading style ids, which Word maps to its own heading styles.
internal static class MinutesDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(MinutesView minutes)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            var m = minutes.Meeting;

            body.Append(Paragraph($"{Localized.T("Referat", "Minutes")}: {m.Title}", "Title"));
            body.Append(Paragraph($"{MeetingTexts.KindName(m.Kind)} · {MeetingTexts.Period(m.StartsAt, m.EndsAt)} · {m.Place ?? m.OnlineLink}"));
            body.Append(Paragraph($"{Localized.T("Møteledere", "Facilitators")}: {string.Join(", ", m.Facilitators.Select(f => f.Name))}"));
            var attended = m.Participants.Where(p => p.Attended).Select(p => p.Name).ToList();
            if (attended.Count > 0)
            {
                body.Append(Paragraph($"{Localized.T("Til stede", "Present")}: {string.Join(", ", attended)}"));
            }

            foreach (var group in minutes.Groups)
            {
                body.Append(Paragraph(group.Item is { } item ? $"{item.Position}. {item.Title}" : Localized.T("Annet", "Other"), "Heading1"));
                if (group.Entries.Count == 0)
                {
                    body.Append(Paragraph(Localized.T("Ingen notater.", "No notes.")));
                }

                foreach (var entry in group.Entries)
                {
                    body.Append(Paragraph($"{MeetingTexts.EntryKindName(entry.Kind)}: {entry.Text}"));
                }
            }

            body.Append(Paragraph(Localized.T("Beslutninger", "Decisions"), "Heading1"));
            foreach (var decision in minutes.Decisions)
            {
                body.Append(Paragraph($"• {decision.Text}"));
            }

            body.Append(Paragraph(Localized.T("Oppfølgingspunkter", "Action items"), "Heading1"));
            foreach (var action in minutes.ActionItems)
            {
                body.Append(Paragraph($"• {action.Text} ({Localized.T("ansvarlig", "owner")}: {action.OwnerName}, {Localized.T("frist", "due")}: {MeetingTexts.Date(action.DueDate)})"));
            }

            AppendAudience(body, minutes);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendAudience(Body body, MinutesView minutes)
    {
        if (minutes.Questions.Count > 0)
        {
            body.Append(Paragraph(Localized.T("Spørsmål fra deltakerne", "Questions from the participants"), "Heading1"));
            foreach (var q in minutes.Questions)
            {
                var answer = q.Answered ? $" – {Localized.T("besvart", "answered")}{(q.Answer is { } a ? $": {a}" : "")}" : "";
                body.Append(Paragraph($"• {q.Text} ({Questions.QuestionView.AskerOf(q)}, {q.Votes} {Localized.T("stemmer", "votes")}){answer}"));
            }
        }

        foreach (var poll in minutes.Polls)
        {
            body.Append(Paragraph($"{Localized.T("Avstemning", "Poll")}: {poll.Question}", "Heading1"));
            body.Append(Paragraph($"{poll.Voters} {Localized.T("stemte", "voted")}"));
            foreach (var option in poll.Options)
            {
                body.Append(Paragraph($"• {option.Text}: {option.Votes}"));
            }
        }
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        // Line breaks in an entry become breaks in the run; the text itself is stored verbatim.
        var run = new Run();
        var lines = PlainText.Safe(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Title", "Title", 36),
            Style("Heading1", "heading 1", 28));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, int halfPoints) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
    {
        Type = StyleValues.Paragraph,
        StyleId = id,
    };
}
