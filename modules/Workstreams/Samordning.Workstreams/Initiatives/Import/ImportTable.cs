namespace Samordning.Workstreams.Initiatives.Import;

// One data row of an uploaded list: its row number as the person sees it in their spreadsheet (the header is row 1)
// and its cells, as text.
internal sealed record ImportRow(int Number, string[] Cells)
{
    public string Cell(int? column) => column is { } index && index >= 0 && index < Cells.Length ? Cells[index] : "";
}

// What a file held: its header row and its data rows, every cell normalised (PlainText) and blank rows left out.
internal sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

// The limits of an upload, named in the message that refuses a file over them.
internal static class ImportLimits
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxColumns = 100;

    // Excel's own limit for a cell; a longer cell in a CSV file is cut here (the field's own limit is far lower).
    public const int MaxCellLength = 32_767;

    // How long an uploaded list waits for its confirmation.
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public static int MaxMegabytes => (int)(MaxBytes / 1024 / 1024);
}

// Builds a table row by row, applying the limits and the text rule, whatever reads the file.
internal sealed class ImportTableBuilder
{
    private readonly List<ImportRow> rows = [];
    private string[]? headers;

    public bool TooManyRows { get; private set; }

    // False once the file has more data rows than allowed: the reader stops there.
    public bool Add(int number, IReadOnlyList<string?> cells)
    {
        var count = Math.Min(cells.Count, ImportLimits.MaxColumns);
        var normalized = new string[count];
        var blank = true;
        for (var i = 0; i < count; i++)
        {
            var text = Shared.Text.PlainText.Safe(cells[i]);
            text = text.Length > ImportLimits.MaxCellLength ? text[..ImportLimits.MaxCellLength] : text;
            normalized[i] = text;
            blank &= string.IsNullOrWhiteSpace(text);
        }

        if (headers is null)
        {
            if (!blank)
            {
                headers = [.. normalized.Select(h => h.Trim())];
            }

            return true;
        }

        if (blank)
        {
            return true;
        }

        if (rows.Count == ImportLimits.MaxRows)
        {
            TooManyRows = true;
            return false;
        }

        rows.Add(new ImportRow(number, normalized));
        return true;
    }

    public ImportTable Build() => new(headers ?? [], rows);
}
