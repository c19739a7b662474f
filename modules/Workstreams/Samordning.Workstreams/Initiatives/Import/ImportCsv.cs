using System.Text;

namespace Samordning.Workstreams.Initiatives.Import;

// Reads a CSV file as people save them in Norway: separated by semicolons (Excel with Norwegian settings), commas or
// tabs, quoted or not, in UTF-8 with or without a byte order mark, UTF-16 with one (Excel's "Unicode text"), or
// Windows-1252 (Excel's plain "CSV"), which is taken when the bytes are not valid UTF-8.
internal static class ImportCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Read(ReadOnlySpan<byte> bytes, ImportTableBuilder table)
    {
        var text = Decode(bytes);
        var separator = Separator(text);
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var record = 1;
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
            }
            else if (c == separator)
            {
                cells.Add(Cell(cell));
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(Cell(cell));
                if (!table.Add(record++, cells))
                {
                    return;
                }

                cells.Clear();
                atCellStart = true;
            }
            else
            {
                // A quote inside an unquoted cell is kept as it is: people type 5" and mean it.
                cell.Append(c);
                atCellStart = false;
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(Cell(cell));
            table.Add(record, cells);
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    // The separator the first line uses most, outside quotes; a semicolon when there is none (one column).
    public static char Separator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }

    // Our own export defuses a cell that a spreadsheet would run as a formula with a leading apostrophe; read back,
    // the apostrophe goes, so an exported list imports as it was.
    private static string Cell(StringBuilder cell)
    {
        var text = cell.ToString();
        cell.Clear();
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }
}
