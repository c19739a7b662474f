using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Reports;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Samordning.Tests.Workstreams.Reports;

public sealed class ReportDocumentTests
{
    internal static ReportContent Sample(ReportOverlaps? overlaps = null)
    {
        var ministry = new ReportMinistry(Guid.NewGuid(), "FIN", new ReportText("Finansdepartementet", "Ministry of Finance"), 3, 1, 2, [1, 1, 2, 1, 1, 0], 1);
        var red = new ReportInitiative(Guid.NewGuid(), "Felles datadeling", "FIN", Phase.InProgress, Rag.Red, 30, "Mangler hjemmel");
        return new ReportContent(
            new DateTimeOffset(2026, 12, 6, 13, 15, 0, TimeSpan.Zero), "Kari Koordinator",
            [ministry],
            [new ReportWorkstream(Guid.NewGuid(), 3, new ReportText("Deling av data", "Sharing data"), 2, 1, 1)],
            [red],
            new ReportRound(Guid.NewGuid(), "Høstrunden", new DateTimeOffset(2026, 12, 20, 15, 0, 0, TimeSpan.Zero), true, 0, 1, [new ReportSilentMinistry("FIN", ministry.Name, 4)]),
            [new ReportDeadline(new ReportText("Frist for høstrunden", "Deadline of the autumn round"), new ReportText("Rapporteringsrunder", "Reporting rounds"), new DateTimeOffset(2026, 12, 20, 15, 0, 0, TimeSpan.Zero), "/arbeidsstrommer/runder")],
            overlaps ?? new ReportOverlaps(false, []),
            ReportChanges.First);
    }

    [Fact]
    public void Write_Sample_ValidDocumentWithHeadingsTablesAndNativeCharts()
    {
        using var culture = UiCulture.Use("nb-NO");

        var bytes = ReportDocument.Write(Sample());

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1")
            .Select(p => p.InnerText).ToList();
        Assert.Equal(
            ["Tall per departement", "Tall per arbeidsstrøm", "Endringer siden forrige rapport", "Røde og gule tiltak", "Stille departementer", "Mulige overlapp", "Kommende frister"],
            headings);
        var tables = body.Elements<W.Table>().ToList();
        Assert.Contains(tables, t => t.InnerText.Contains("Felles datadeling", StringComparison.Ordinal) && t.InnerText.Contains("Mangler hjemmel", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.InnerText.Contains("Frist for høstrunden", StringComparison.Ordinal));
        Assert.All(tables, t => Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));
        Assert.Contains("Overlappsøk er ikke tilgjengelig", body.InnerText, StringComparison.Ordinal);

        var charts = document.MainDocumentPart.ChartParts.ToList();
        Assert.Equal(2, charts.Count);
        var series = charts[0].ChartSpace!.Descendants<C.BarChartSeries>().ToList();
        Assert.Equal(["Grønn", "Gul", "Rød"], series.Select(s => s.SeriesText!.InnerText));
        Assert.Equal(["3", "1", "2"], series.Select(s => s.Descendants<C.NumericPoint>().Single().InnerText));
        var alternative = body.Descendants<DW.DocProperties>().First().Description?.Value;
        Assert.Equal("FIN: grønn 3, gul 1, rød 2", alternative);
    }

    [Fact]
    public void Write_InEnglish_EnglishHeadingsAndNames()
    {
        using var culture = UiCulture.Use("en-GB");

        var bytes = ReportDocument.Write(Sample());

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Figures per ministry", text, StringComparison.Ordinal);
        Assert.Contains("FIN – Ministry of Finance", text, StringComparison.Ordinal);
        Assert.Contains("Deadline of the autumn round", text, StringComparison.Ordinal);
        Assert.Contains("20 December 2026 16:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverlapsGiven_OverlapTableWithReasons()
    {
        using var culture = UiCulture.Use("nb-NO");
        var overlap = new ReportOverlap("Datadeling", "FIN", "Deling av data", "KD", 0.8, [new ReportText("Like ord i tittelen", "Same title words")]);

        var bytes = ReportDocument.Write(Sample(new ReportOverlaps(true, [overlap])));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single(t => t.InnerText.Contains("Datadeling (FIN)", StringComparison.Ordinal));
        Assert.Contains("Deling av data (KD)", table.InnerText, StringComparison.Ordinal);
        Assert.Contains("Like ord i tittelen", table.InnerText, StringComparison.Ordinal);
    }
}
