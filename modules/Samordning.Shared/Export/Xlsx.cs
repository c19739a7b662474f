using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samordning.Shared.Export;

/// <summary>
/// A one-sheet Excel workbook. Every cell is an inline string or a number, never a formula, so text that
/// looks like a formula stays text.
/// </summary>
public static class Xlsx
{
    /// <summary>Writes a workbook with a bold header row and the rows. A cell that is a decimal number is written as a number.</summary>
    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();

        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(headers.Cast<object?>(), bold: true));
        foreach (var row in rows)
        {
            data.Append(Row(row, bold: false));
        }

        sheetPart.Worksheet = new Worksheet(data);
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
        workbookPart.Workbook.Save();
    }

    private static Row Row(IEnumerable<object?> values, bool bold)
    {
        var row = new Row();
        foreach (var value in values)
        {
            var cell = value switch
            {
                int or long or decimal or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value?.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }) },
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            row.Append(cell);
        }

        return row;
    }
}
