using System.Text;

namespace Samordning.Shared.Export;

/// <summary>
/// CSV for Norwegian spreadsheets (semicolon-separated, UTF-8 with BOM), safe against formula injection: a cell
/// that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return) gets a leading
/// apostrophe, so it is shown as text and never run.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Writes a header row and the rows.</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(Line(headers));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
        }
    }

    /// <summary>One CSV line, each cell escaped and defused.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(';', cells.Select(Cell));

    /// <summary>One cell: defused against formulas, quoted when needed.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && FormulaStarts.Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
