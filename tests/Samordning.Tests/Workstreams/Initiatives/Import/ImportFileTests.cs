using System.Text;
using CsCheck;
using Samordning.Shared.Export;
using Samordning.Tests.Shared.Text;
using Samordning.Workstreams.Initiatives.Import;

namespace Samordning.Tests.Workstreams.Initiatives.Import;

// Reading an uploaded list (issue 17): CSV as Norwegian spreadsheets save it, Excel workbooks, and the limits.
public sealed class ImportFileTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Read_SemicolonCsvWithBomAndQuotes_CellsAsWritten()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Referanse;Tittel;Sammendrag\r\nFIN-1;\"Skatt; enklere\";\"To\r\nlinjer med \"\"sitat\"\"\"\r\nFIN-2;Blåbær;\r\n")).ToArray();

        var (table, error) = ImportFile.Read("liste.csv", bytes);

        Assert.Null(error);
        Assert.Equal(["Referanse", "Tittel", "Sammendrag"], table!.Headers);
        Assert.Equal(["FIN-1", "Skatt; enklere", "To\nlinjer med \"sitat\""], table.Rows[0].Cells);
        Assert.Equal(["FIN-2", "Blåbær", ""], table.Rows[1].Cells);
    }

    [Fact]
    public void Read_CommaCsvWithoutBom_SeparatorFound()
    {
        var (table, _) = ImportFile.Read("list.csv", Encoding.UTF8.GetBytes("Reference,Title\nA,\"Hello, world\"\n"));

        Assert.Equal(["A", "Hello, world"], table!.Rows[0].Cells);
    }

    [Fact]
    public void Read_Windows1252Csv_NorwegianLettersDecoded()
    {
        // What Excel in Norway saves as "CSV (semikolondelt)": Windows-1252, where æ is one byte, not valid UTF-8.
        var (table, _) = ImportFile.Read("liste.csv", Windows1252.GetBytes("Tittel;Stikkord\nKjøkkenhage på Ærøy;grønn – «ny»\n"));

        Assert.Equal(["Kjøkkenhage på Ærøy", "grønn – «ny»"], table!.Rows[0].Cells);
    }

    [Fact]
    public void Read_PastedControlCharacters_NormalisedAsEverywhere()
    {
        var (table, _) = ImportFile.Read("liste.csv", Encoding.UTF8.GetBytes("Tittel;Sammendrag\nA\u0001B;\"Linje\u000Bto\u0000\"\n"));

        Assert.Equal(["AB", "Linje\nto"], table!.Rows[0].Cells);
    }

    [Fact]
    public void Read_OurDefusedExport_ApostropheRemoved()
    {
        var line = Csv.Line(["=SUM(A1)", "-5 %"]);

        var (table, _) = ImportFile.Read("liste.csv", Encoding.UTF8.GetBytes("Tittel;Fremdrift\n" + line + "\n"));

        Assert.Equal(["=SUM(A1)", "-5 %"], table!.Rows[0].Cells);
    }

    [Fact]
    public void Read_WorkbookFromOurWriter_SameCellsAndRowNumbers()
    {
        var stream = new MemoryStream();
        Xlsx.Write(stream, "Tiltak", ["Referanse", "Tittel", "Fremdrift (%)"], new List<IReadOnlyList<object?>> { new object?[] { "FIN-1", "Første", 40 }, new object?[] { "FIN-2", "Andre", 100 } });

        var (table, error) = ImportFile.Read("liste.xlsx", stream.ToArray());

        Assert.Null(error);
        Assert.Equal(["Referanse", "Tittel", "Fremdrift (%)"], table!.Headers);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
        Assert.Equal(["FIN-2", "Andre", "100"], table.Rows[1].Cells);
    }

    [Fact]
    public void Read_MoreRowsThanAllowed_RefusedNamingTheLimit()
    {
        var csv = new StringBuilder("Tittel\n");
        for (var i = 0; i <= ImportLimits.MaxRows; i++)
        {
            csv.Append("Rad ").Append(i).Append('\n');
        }

        var (table, error) = ImportFile.Read("liste.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Null(table);
        Assert.Contains(ImportLimits.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture), error!.Value.Nb, StringComparison.Ordinal);
        Assert.Contains("too many rows", error.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargerThanAllowed_RefusedNamingTheLimit()
    {
        var (_, error) = ImportFile.Read("liste.csv", new byte[ImportLimits.MaxBytes + 1]);

        Assert.Equal("The file is too large. It can be at most 5 MB.", error!.Value.En);
    }

    [Theory]
    [InlineData("liste.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 }, "old Excel format")]
    [InlineData("liste.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, "could not be read as an Excel workbook")]
    [InlineData("liste.xlsx", new byte[] { 0x41, 0x3B, 0x42 }, "not an Excel workbook")]
    [InlineData("liste.csv", new byte[] { 0x54, 0x69, 0x74, 0x74, 0x65, 0x6C, 0x0A }, "no rows below the headers")]
    public void Read_NotAList_ClearError(string name, byte[] bytes, string expected)
    {
        var (table, error) = ImportFile.Read(name, bytes);

        Assert.Null(table);
        Assert.Contains(expected, error!.Value.En, StringComparison.Ordinal);
    }

    // Whatever bytes arrive, the reader answers with a table or a reason, never an exception, and every cell obeys the text rule.
    [Fact]
    public void Read_AnyBytes_TableOrReasonNeverThrows() =>
        Gen.OneOf(
                Gen.Byte.Array[0, 400],
                PlainTextTests.AnyText.Array[1, 6].Array[1, 8].Select(rows => Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(cells => string.Join(";", cells))))),
                Gen.Byte.Array[0, 200].Select(tail => "PK\u0003\u0004"u8.ToArray().Concat(tail).ToArray()))
            .Sample(bytes =>
            {
                var (table, error) = ImportFile.Read("fil.csv", bytes);
                Assert.True(table is not null ^ error is not null);
                Assert.All(table?.Rows.SelectMany(r => r.Cells) ?? [], cell => Assert.Equal(Samordning.Shared.Text.PlainText.Normalize(cell), cell));
            });
}
