using Samordning.Meetings.Data;
using static Samordning.Shared.Text.ICalendarText;

namespace Samordning.Meetings.Calendar;

// iCalendar (RFC 5545) feeds of meetings, written by the rules of ICalendarText (UTC times, escaped text, folded lines).
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
        return Join(lines);
    }
}
