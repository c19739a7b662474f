using System.Globalization;
using System.Text;
using Samordning.Meetings.Data;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Calendar;

// iCalendar (RFC 5545) for meetings: times in UTC (so no VTIMEZONE is needed and daylight saving cannot be
// misread), text escaped (backslash, semicolon, comma, newline) and lines folded at 75 octets without
// splitting a UTF-8 character; lines end with CRLF.
internal static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<Meeting> meetings, string baseUrl, DateTimeOffset stamp, string? name = null)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samordning//Meetings//NB", "CALSCALE:GREGORIAN", "METHOD:PUBLISH" };
        if (name is not null)
        {
            lines.Add($"X-WR-CALNAME:{Escape(name)}");
        }

        foreach (var meeting in meetings)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{meeting.Id}@samordning");
            lines.Add($"DTSTAMP:{Utc(stamp)}");
            lines.Add($"DTSTART:{Utc(meeting.StartsAt)}");
            lines.Add($"DTEND:{Utc(meeting.EndsAt)}");
            lines.Add($"SEQUENCE:{meeting.Version}");
            lines.Add($"SUMMARY:{Escape(meeting.Title)}");
            var description = string.Join("\n", new[] { meeting.Description, meeting.OnlineLink, $"{baseUrl}/moter/{meeting.Id}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add($"DESCRIPTION:{Escape(description)}");
            if (meeting.Place is not null || meeting.OnlineLink is not null)
            {
                lines.Add($"LOCATION:{Escape(meeting.Place ?? meeting.OnlineLink!)}");
            }

            lines.Add($"URL:{baseUrl}/moter/{meeting.Id}");
            lines.Add("STATUS:CONFIRMED");
            if (meeting.Facilitators.Count > 0)
            {
                var organiser = meeting.Facilitators[0];
                lines.Add($"ORGANIZER;CN={QuoteParameter(organiser.Name)}:urn:uuid:{organiser.PersonId}");
            }

            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // A TEXT value holds no control characters (RFC 5545, 3.3.11): PlainText.Safe removes them from any stored text
    // and leaves line breaks as \n, which are then escaped.
    public static string Escape(string text) => PlainText.Safe(text)
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    // A parameter value may not hold quotes; one with ':', ';' or ',' must be quoted.
    private static string QuoteParameter(string value) => $"\"{PlainText.Safe(value).Replace("\"", "'", StringComparison.Ordinal).Replace('\n', ' ')}\"";

    // Lines longer than 75 octets continue on the next line after CRLF and one space (RFC 5545, 3.1).
    public static void Fold(StringBuilder builder, string line)
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
