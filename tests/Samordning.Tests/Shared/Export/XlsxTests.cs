using System.IO.Compression;
using Samordning.Shared.Export;

namespace Samordning.Tests.Shared.Export;

public sealed class XlsxTests
{
    [Fact]
    public async Task Write_AnyText_ExcelJsReadsHeaderAndCells()
    {
        using var stream = new MemoryStream();
        Xlsx.Write(stream, "Tiltak", ["Tittel", "Fremdrift (%)"], [["Linje 1\u000BLinje 2\u0001 😀", 35], ["=SUM(1;2)", 70]]);

        var workbook = await OfficeReaders.ReadXlsxAsync(stream.ToArray());

        var sheet = Assert.Single(workbook.Sheets);
        Assert.Equal("Tiltak", sheet.Name);
        Assert.Equal(["Tittel", "Fremdrift (%)"], sheet.Rows[0]);
        Assert.Equal(["Linje 1\nLinje 2 😀", "35"], sheet.Rows[1]);
        Assert.Equal(["=SUM(1;2)", "70"], sheet.Rows[2]);
        Assert.Equal("Samordning", workbook.Creator);
        Assert.Equal("Tiltak", workbook.Title);
    }

    [Fact]
    public void Write_Parts_AsExcelWritesThem()
    {
        using var stream = new MemoryStream();
        Xlsx.Write(stream, "Innspill", ["Referanse"], [["A"]]);

        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()), ZipArchiveMode.Read);
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"No part {name}."));
            return reader.ReadToEnd();
        }

        const string DefaultNamespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        Assert.Matches("^<\\?xml [^>]*\\?><workbook [^>]*" + DefaultNamespace, Part("xl/workbook.xml"));
        Assert.Matches("^<\\?xml [^>]*\\?><worksheet [^>]*" + DefaultNamespace, Part("xl/worksheets/sheet1.xml"));
        Assert.DoesNotContain("<x:", Part("xl/worksheets/sheet1.xml") + Part("xl/workbook.xml") + Part("xl/styles.xml"), StringComparison.Ordinal);
        Assert.Contains("docProps/core.xml", Part("_rels/.rels"), StringComparison.Ordinal);
        Assert.Contains("docProps/app.xml", Part("_rels/.rels"), StringComparison.Ordinal);
        Assert.Contains("/docProps/core.xml", Part("[Content_Types].xml"), StringComparison.Ordinal);
        Assert.Contains("<dc:title>Innspill</dc:title>", Part("docProps/core.xml"), StringComparison.Ordinal);
        Assert.Contains("<Application>Samordning</Application>", Part("docProps/app.xml"), StringComparison.Ordinal);
    }
}
