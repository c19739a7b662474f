using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samordning.Shared.Export;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Reports;

// The status report as a Word document: the same sections as the printable page (ReportSections), each chart a
// native Word chart (ReportWordChart: editable in Word, its text alternative in the drawing's description) with
// its table after it. Texts go in as text runs, so nothing in a title can become markup.
internal static class ReportDocument
{
    public static byte[] Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Paragraph(ReportSections.Title, "Title"));
            body.Append(Paragraph(ReportSections.Byline(content)));

            uint drawing = 0;
            foreach (var section in ReportSections.Of(content))
            {
                body.Append(Paragraph(section.Heading, section.Level == 1 ? "Heading1" : "Heading2"));
                foreach (var text in section.Paragraphs)
                {
                    body.Append(Paragraph(text));
                }

                if (section.Chart is { } chart && chart.Categories.Count > 0)
                {
                    body.Append(new Paragraph(new Run(ReportWordChart.Add(main, chart, ++drawing))));
                }

                foreach (var table in section.Tables)
                {
                    body.Append(Paragraph(table.Caption, "Caption"));
                    body.Append(table.Rows.Count == 0 ? Paragraph(table.Empty ?? "") : Table(table));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(ReportTable model)
    {
        const int width = 9638;
        var column = width / model.Headers.Count;
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new Table(
            new TableProperties(new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, border()),
            new TableGrid(model.Headers.Select(_ => new GridColumn { Width = column.ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats on every page and is marked as the table's header for screen readers.
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. model.Headers.Select(h => Cell(h, bold: true))]));
        foreach (var row in model.Rows)
        {
            table.Append(new TableRow(row.Select((text, n) => Cell(text, bold: n == 0))));
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold) => new(Paragraph(text, bold: bold));

    private static Paragraph Paragraph(string text, string? style = null, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(PlainText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main) => WordStyles.Add(
        main,
        new WordStyles.Heading("Title", "Title", 40, null),
        new WordStyles.Heading("Heading1", "heading 1", 30, 0),
        new WordStyles.Heading("Heading2", "heading 2", 25, 1),
        new WordStyles.Heading("Caption", "caption", 20, null));
}
