using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samordning.Shared.Export;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams.Initiatives;

// Full-text search over initiatives (Norwegian letters, any case, with the filters), and the exports of the
// current filter: CSV defused against formulas, and an Excel workbook with the same rows.
public sealed class SearchAndExportTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("blåbærsyltetøy")]
    [InlineData("BLÅBÆRSYLTETØY")]
    [InlineData("Ærlig")]
    [InlineData("kjøkkenhage på Åndalsnes")]
    [InlineData("grønn-omstilling")]
    public async Task Search_WordInTitleSummaryOrTag_Found(string words)
    {
        var marker = Marker();
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id) with
        {
            Title = $"Blåbærsyltetøy {marker}",
            Summary = "Ærlig talt: en kjøkkenhage på Åndalsnes.",
            Tags = ["grønn-omstilling"],
        });

        var page = await api.ListAsync($"?q={Uri.EscapeDataString(words)}");

        Assert.Contains(page.Items, i => i.Id == initiative.Id);
        Assert.Equal(page.Total, page.Items.Count);
    }

    [Fact]
    public async Task Search_WordNowhere_NothingFound()
    {
        await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id) with { Title = "Smørbrød " + Marker() });

        var page = await api.ListAsync("?q=" + Uri.EscapeDataString("rømmegrøt-" + Marker()));

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Search_WithFilters_OnlyMatchesThatPassEveryFilter()
    {
        var marker = Marker();
        var fin = await api.MinistryAsync("FIN");
        var kd = await api.MinistryAsync("KD");
        var hod = await api.MinistryAsync("HOD");
        var workstream = await api.CreateWorkstreamAsync();
        var finRed = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with
        {
            Title = $"Søk {marker} én", Status = Rag.Red, StatusReason = "Forsinket", WorkstreamIds = [workstream.Id], Tags = ["brukerinvolvering"],
        });
        var kdWithFin = await api.CreateInitiativeAsync(Builders.Initiative(kd.Id) with
        {
            Title = $"Søk {marker} to", Phase = Phase.InProgress, CollaboratingMinistryIds = [fin.Id],
        });
        var hodOnly = await api.CreateInitiativeAsync(Builders.Initiative(hod.Id) with { Title = $"Søk {marker} tre", Phase = Phase.InProgress });

        async Task<IEnumerable<Guid>> FoundAsync(string filter) =>
            (await api.ListAsync($"?q={marker}{filter}")).Items.Select(i => i.Id).Order();

        Assert.Equal(new[] { finRed.Id, kdWithFin.Id, hodOnly.Id }.Order(), await FoundAsync(""));
        Assert.Equal(new[] { finRed.Id, kdWithFin.Id }.Order(), await FoundAsync($"&ministryId={fin.Id}"));
        Assert.Equal([finRed.Id], await FoundAsync($"&workstreamId={workstream.Id}"));
        Assert.Equal(new[] { kdWithFin.Id, hodOnly.Id }.Order(), await FoundAsync("&phase=InProgress"));
        Assert.Equal([finRed.Id], await FoundAsync("&status=Red"));
        Assert.Equal([finRed.Id], await FoundAsync("&tag=Brukerinvolvering"));
        Assert.Equal([kdWithFin.Id], await FoundAsync("&crossSectoral=true"));
        Assert.Equal([hodOnly.Id], await FoundAsync($"&ministryId={hod.Id}&phase=InProgress"));
    }

    [Fact]
    public async Task ExportCsv_FormulaLikeCells_DefusedAndOnlyFilteredRows()
    {
        var tag = Marker();
        var fin = await api.MinistryAsync("FIN");
        string[] titles = ["=HYPERLINK(\"https://example.com\";\"klikk\")", "+47 tiltak", "-1+2", "@SUM(A1)", "Vanlig tittel; med semikolon"];
        foreach (var title in titles)
        {
            await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = title, Summary = "=1+1", Tags = [tag] });
        }

        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "=utenfor filteret", Tags = ["annet-" + tag] });

        var response = await api.As(People.Observer).GetAsync($"/api/workstreams/initiatives/export.csv?tag={tag}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("Tittel", rows[0][0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(titles.Length, data.Count);
        Assert.Equal(
            ["'+47 tiltak", "'-1+2", "'=HYPERLINK(\"https://example.com\";\"klikk\")", "'@SUM(A1)", "Vanlig tittel; med semikolon"],
            data.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(data, r => Assert.Equal("'=1+1", r[11]));
        Assert.All(data, r => Assert.Equal("FIN", r[1]));
        Assert.DoesNotContain(data, r => r[0].Contains("utenfor", StringComparison.Ordinal));
        Assert.Equal((await api.ListAsync($"?tag={tag}")).Total, data.Count);
    }

    [Fact]
    public async Task ExportCsv_InEnglish_EnglishHeaders()
    {
        var tag = Marker();
        await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id) with { Tags = [tag] });

        var csv = await api.As(People.Observer).GetStringAsync($"/api/workstreams/initiatives/export.csv?tag={tag}&culture=en-GB", Ct);

        var rows = ParseCsv(csv.TrimStart('\uFEFF'));
        Assert.Equal(["Title", "Ministry", "Collaborating ministries", "Phase"], rows[0].Take(4));
        Assert.Equal("Planned", rows[1][3]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tfane", "'\tfane")]
    [InlineData("\rretur", "\"'\rretur\"")]
    [InlineData("vanlig", "vanlig")]
    [InlineData("a=b", "a=b")]
    [InlineData("med \"sitat\"", "\"med \"\"sitat\"\"\"")]
    public void CsvCell_FormulaStartOrQuote_DefusedAndQuoted(string value, string expected)
    {
        // Tab and carriage return cannot reach the export through the API (titles are trimmed), so the cell rule is checked here.
        Assert.Equal(expected, Csv.Cell(value));
    }

    // The export finds the text as the list does (through the search index, then the substring): a piece from inside a
    // compound and across a word's ending, in capitals, finds its initiative, and a piece that only looks alike does not.
    [Theory]
    [InlineData("HAGEPLASSENE", true)]
    [InlineData("nehageplass", true)]
    [InlineData("plassene på", true)]
    [InlineData("hageplassa", false)]
    public async Task ExportCsv_TextFromInsideAWord_SameRowsAsTheList(string q, bool found)
    {
        var tag = Marker();
        var fin = await api.MinistryAsync("FIN");
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = $"Barnehageplassene på Åsen {tag}", Tags = [tag] });
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = $"Skolebibliotek {tag}", Tags = [tag] });
        var filter = $"?q={Uri.EscapeDataString(q)}&tag={tag}";

        var rows = ParseCsv((await api.As(People.Observer).GetStringAsync($"/api/workstreams/initiatives/export.csv{filter}", Ct)).TrimStart('\uFEFF')).Skip(1).ToList();
        var listed = await api.ListAsync(filter);

        Assert.Equal(found ? [initiative.Title] : Array.Empty<string>(), rows.Select(r => r[0]));
        Assert.Equal(listed.Items.Select(i => i.Title), rows.Select(r => r[0]));
    }

    [Fact]
    public async Task ExportXlsx_Filter_OpensWithSameRowsAsCsvAndNoFormulas()
    {
        var tag = Marker();
        var fin = await api.MinistryAsync("FIN");
        var hod = await api.MinistryAsync("HOD");
        await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "=SUM(1;2)", Progress = 35, Tags = [tag], CollaboratingMinistryIds = [hod.Id] });
        await api.CreateInitiativeAsync(Builders.Initiative(hod.Id) with { Title = "Æblegrød og økonomi", Progress = 70, Tags = [tag] }, People.ContactPersonHod);
        var client = api.As(People.Observer);

        var response = await client.GetAsync($"/api/workstreams/initiatives/export.xlsx?tag={tag}", Ct);
        var csv = ParseCsv((await client.GetStringAsync($"/api/workstreams/initiatives/export.csv?tag={tag}", Ct)).TrimStart('\uFEFF'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
        Assert.Equal(csv.Count, rows.Count);
        Assert.Equal(csv[0], rows[0]);
        Assert.Equal(["=SUM(1;2)", "Æblegrød og økonomi"], rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["35", "70"], rows.Skip(1).Select(r => r[4]).Order(StringComparer.Ordinal));
        Assert.Equal(csv.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));
        var progressCell = sheet.Descendants<Row>().Skip(1).First().Elements<Cell>().ElementAt(4);
        Assert.Equal(CellValues.Number, progressCell.DataType?.Value);
    }

    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    // Semicolon-separated with double-quoted cells ("" inside quotes is a quote), CRLF or LF between rows.
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
