using System.Security.Claims;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Export;
using Samordning.Shared.Text;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Exports;

// For the writers of a chapter: all input that concerns one workstream, as a Word document grouped by theme
// (the item's tags; an item with several themes appears under each) and, within a theme, by channel.
internal sealed class WorkstreamDocument : IEndpoint
{
    private const int MaxItems = 5_000;

    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/feedback/workstreams/{workstreamId:guid}/input.docx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (
                Guid workstreamId, string? title, FeedbackDbContext db, IWorkstreamDirectory workstreams, ClaimsPrincipal user, CancellationToken ct) =>
            {
                // Named by the Workstreams module; an id it does not know is not a workstream.
                if (await workstreams.GetWorkstreamsAsync([workstreamId], ct) is not [var workstream])
                {
                    return Problems.NotFound();
                }

                var stream = new MemoryStream();
                Write(stream, string.IsNullOrWhiteSpace(title) ? WorkstreamChoices.Name(workstream) : title.Trim(), await LoadAsync(db, user, workstreamId, ct));
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(workstream));
            })
            .WithTags("Feedback register")
            .WithSummary("All input linked to a workstream that the person may see, as a Word document grouped by theme and channel, titled with the workstream's name unless a title is given. 404 for an unknown workstream.");

    // "innspill-kapittel-8.docx", or the id for a workstream that is not a chapter: ASCII only, whatever the title.
    public static string FileName(WorkstreamInfo workstream) =>
        workstream.Chapter is { } chapter ? $"innspill-kapittel-{chapter}.docx" : $"innspill-{workstream.Id:N}.docx";

    public static async Task<List<FeedbackItem>> LoadAsync(FeedbackDbContext db, ClaimsPrincipal user, Guid workstreamId, CancellationToken cancellationToken) =>
        await db.Items.AsNoTracking().Visible(user)
            .Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstreamId))
            .Include(i => i.Tags).Include(i => i.Answers)
            .OrderBy(i => i.ReceivedAt).Take(MaxItems)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    public static void Write(Stream stream, string title, IReadOnlyList<FeedbackItem> items)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);
        body.Append(Paragraph(title, "Title"));
        if (items.Count == 0)
        {
            body.Append(Paragraph(Localized.T("Ingen innspill er knyttet til arbeidsstrømmen.", "No input is linked to the workstream.")));
        }

        var noTheme = Localized.T("Uten tema", "Without theme");
        var byTheme = items
            .SelectMany(i => i.Tags.Count == 0 ? [(Theme: noTheme, Item: i)] : i.Tags.Select(t => (Theme: t.Tag, Item: i)))
            .GroupBy(x => x.Theme)
            .OrderBy(g => g.Key == noTheme).ThenBy(g => g.Key, StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false));
        foreach (var theme in byTheme)
        {
            body.Append(Paragraph(theme.Key, "Heading1"));
            foreach (var channel in theme.GroupBy(x => x.Item.Channel).OrderBy(g => g.Key))
            {
                body.Append(Paragraph(RoundTexts.ChannelText(channel.Key), "Heading2"));
                foreach (var (_, item) in channel)
                {
                    body.Append(Paragraph(
                        $"{item.OrganisationName ?? Localized.T("Ukjent avsender", "Unknown contributor")} ({RoundTexts.ContributorTypeText(item.ContributorType)}) – {item.Source}, {RoundTexts.DateTime(item.ReceivedAt)}, {item.Reference}",
                        "Heading3"));
                    foreach (var answer in item.Answers.OrderBy(a => a.QuestionId))
                    {
                        body.Append(Paragraph(answer.Question, bold: true));
                        body.Append(Paragraph(answer.Text));
                    }

                    if (item.Text is not null)
                    {
                        body.Append(Paragraph(item.Text));
                    }

                    if (item.Assessment is not null)
                    {
                        body.Append(Paragraph($"{Localized.T("Vurdering", "Assessment")} ({RoundTexts.StatusText(item.Status)}): {item.Assessment}", italic: true));
                    }
                }
            }
        }

        main.Document.Save();
    }

    // The heading styles the paragraphs name, so Word shows them as headings and builds a navigation pane from them.
    private static void AddStyles(MainDocumentPart main) => WordStyles.Add(
        main,
        new WordStyles.Heading("Title", "Title", 40, null),
        new WordStyles.Heading("Heading1", "heading 1", 32, 0),
        new WordStyles.Heading("Heading2", "heading 2", 26, 1),
        new WordStyles.Heading("Heading3", "heading 3", 22, 2));

    // Text goes in as text runs (never parsed), so whatever a contributor wrote cannot become markup.
    private static Paragraph Paragraph(string text, string? style = null, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        var run = new Run(properties);
        var lines = PlainText.Safe(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        var paragraph = new Paragraph(run);
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }
}
