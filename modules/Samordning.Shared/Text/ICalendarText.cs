using System.Globalization;
using System.Text;

namespace Samordning.Shared.Text;

/// <summary>
/// The text rules of iCalendar (RFC 5545) that every calendar a module writes follows: instants in UTC, TEXT values
/// escaped, parameter values quoted, and lines folded at 75 octets without splitting a UTF-8 character, ending in CRLF.
/// </summary>
public static class ICalendarText
{
    /// <summary>An instant as a UTC DATE-TIME (so no VTIMEZONE is needed and daylight saving cannot be misread).</summary>
    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A TEXT value: no control characters (RFC 5545, 3.3.11; <see cref="PlainText.Safe"/> removes them and keeps
    /// line breaks as \n), then backslash, semicolon, comma and newline escaped.
    /// </summary>
    public static string Escape(string text) => PlainText.Safe(text)
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value: it may not hold quotes, and one with ':', ';' or ',' must be quoted, so it always is.</summary>
    public static string QuoteParameter(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"\"{PlainText.Safe(value).Replace("\"", "'", StringComparison.Ordinal).Replace('\n', ' ')}\"";
    }

    /// <summary>The lines as one calendar: each folded (longer than 75 octets continues after CRLF and a space) and ended with CRLF.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            builder.Append(rune.ToString());
            octets += length;
        }

        builder.Append("\r\n");
    }
}
