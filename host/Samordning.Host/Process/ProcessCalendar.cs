using System.Globalization;
using Samordning.Shared.Process;
using Samordning.Shared.Text;
using static Samordning.Shared.Text.ICalendarText;

namespace Samordning.Host.Process;

// The process's public events as an iCalendar feed (RFC 5545), by the rules of ICalendarText (UTC times, escaped
// text, folded lines): meetings with their times, milestones as whole days, input rounds as their deadline.
// Responses to input are not events in time and are left out. DTSTAMP is the event's last change, not the request's
// time, so an unchanged calendar gives the same bytes and a conditional request gets 304.
internal static class ProcessCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(ProcessSnapshot process, string baseUrl)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samordning//Process//NB", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            $"X-WR-CALNAME:{Escape(Localized.T("Stortingsmeldingen: prosessen", "The white paper: the process"))}",
        };
        foreach (var e in process.Events.Where(e => e.Kind != ProcessEventKind.Response))
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Key}@samordning");
            lines.Add($"DTSTAMP:{Utc(e.UpdatedAt)}");
            lines.Add($"LAST-MODIFIED:{Utc(e.UpdatedAt)}");
            if (e.Day is { } day)
            {
                lines.Add($"DTSTART;VALUE=DATE:{Date(day)}");
                lines.Add($"DTEND;VALUE=DATE:{Date(day.AddDays(1))}");
                lines.Add("TRANSP:TRANSPARENT");
            }
            else if (e.Kind == ProcessEventKind.InputRound && e.EndsAt is { } deadline)
            {
                // Only the deadline is a moment to note; a round open for weeks would cover the calendar.
                lines.Add($"DTSTART:{Utc(deadline)}");
                lines.Add($"DTEND:{Utc(deadline)}");
                lines.Add("TRANSP:TRANSPARENT");
            }
            else
            {
                lines.Add($"DTSTART:{Utc(e.StartsAt)}");
                lines.Add($"DTEND:{Utc(e.EndsAt ?? e.StartsAt)}");
            }

            var title = e.Kind == ProcessEventKind.InputRound
                ? Localized.T($"Frist for innspill: {e.Title}", $"Deadline for input: {e.Title}")
                : e.Title.ToString();
            lines.Add($"SUMMARY:{Escape(title)}");
            var url = ProcessAtom.Absolute(baseUrl, e.Href);
            var description = string.Join("\n", new[] { e.Summary?.ToString(), e.Status?.ToString() }
                .Concat(e.Links.Select(l => $"{l.Text}: {ProcessAtom.Absolute(baseUrl, l.Href)}"))
                .Append(url)
                .Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add($"DESCRIPTION:{Escape(description)}");
            lines.Add($"URL:{url}");
            lines.Add($"CATEGORIES:{Escape(ProcessTexts.Kind(e.Kind))}");
            lines.Add("STATUS:CONFIRMED");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        return Join(lines);
    }

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
