using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samordning.Workstreams.Initiatives.Import;

// Reads the first sheet of an Excel workbook (.xlsx) with the OpenXML SDK, streaming row by row. A cell's text is
// what the cell holds: a shared or inline string, a formula's cached result, or a number as Excel stores it (a date
// is a serial day number, which the date columns understand).
internal static class ImportXlsx
{
    // Against a "zip bomb": a small upload whose sheet unpacks to gigabytes of XML is refused, not read.
    private const long MaxCharactersInPart = 200_000_000;

    public static void Read(Stream stream, ImportTableBuilder table)
    {
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheet.");
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            throw new InvalidDataException("The first sheet is not a worksheet.");
        }

        var shared = SharedStrings(workbook);
        using var reader = OpenXmlReader.Create(part);
        var next = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : next;
            next = number + 1;
            if (!table.Add(number, Cells(row, shared)))
            {
                return;
            }
        }
    }

    private static string[] SharedStrings(WorkbookPart workbook)
    {
        var items = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>();
        return items is null ? [] : [.. items.Select(Text)];
    }

    // A rich-text string is its runs' text; phonetic hints (East Asian readings) are not part of it.
    private static string Text(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static List<string?> Cells(Row row, string[] shared)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? Column(reference) : cells.Count;
            if (column >= ImportLimits.MaxColumns)
            {
                continue;
            }

            while (cells.Count < column)
            {
                cells.Add(null);
            }

            var text = Value(cell, shared);
            if (column < cells.Count)
            {
                cells[column] = text;
            }
            else
            {
                cells.Add(text);
            }
        }

        return cells;
    }

    private static string? Value(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        var value = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : null;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text)) : null;
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        return value;
    }

    // "C12" → 2; letters only, so a malformed reference reads as the first column rather than failing.
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = Math.Min((column * 26) + (c - 'A' + 1), ImportLimits.MaxColumns + 1);
        }

        return Math.Max(column - 1, 0);
    }
}
