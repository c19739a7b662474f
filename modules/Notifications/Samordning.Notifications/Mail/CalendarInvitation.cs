using Samordning.Ministries.Contracts;
using Samordning.Shared.Activity;
using static Samordning.Shared.Text.ICalendarText;

namespace Samordning.Notifications.Mail;

// The iCalendar (RFC 5546, iTIP) a meeting's invitation or cancellation carries, as Outlook and other mail clients
// read it: METHOD REQUEST or CANCEL, the UID of the meeting (the same as in the calendar feeds, so the copy a
// subscriber has is the one replaced), SEQUENCE from the meeting's version, times in UTC, ORGANIZER and ATTENDEEs
// by e-mail address. Each recipient is among the ATTENDEEs (a ministry's people are invited as the ministry), as
// Outlook matches the invitation to the mailbox by it; an uninvitation names only the recipient.
internal static class CalendarInvitation
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string MethodOf(MeetingInvitation meeting) => meeting.Cancelled ? Cancel : Request;

    public static string Write(
        MeetingInvitation meeting, PersonInfo? organizer, string fallbackOrganizerAddress, IReadOnlyList<PersonInfo> attendees, string url, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var method = MethodOf(meeting);
        List<string> lines =
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Samordning//Notifications//NB",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            $"METHOD:{method}",
            "BEGIN:VEVENT",
            $"UID:{meeting.MeetingId}@samordning",
            $"SEQUENCE:{meeting.Sequence}",
            $"DTSTAMP:{Utc(stamp)}",
            $"DTSTART:{Utc(meeting.StartsAt)}",
            $"DTEND:{Utc(meeting.EndsAt)}",
            $"SUMMARY:{Escape(meeting.Title)}",
            $"DESCRIPTION:{Escape(url)}",
            $"URL:{url}",
        ];
        if (!string.IsNullOrWhiteSpace(meeting.Location))
        {
            lines.Add($"LOCATION:{Escape(meeting.Location)}");
        }

        lines.Add(organizer is null
            ? $"ORGANIZER;CN=\"Samordning\":mailto:{fallbackOrganizerAddress}"
            : $"ORGANIZER;CN={QuoteParameter(organizer.Name)}:mailto:{organizer.Email.Trim()}");
        foreach (var attendee in attendees)
        {
            lines.Add($"ATTENDEE;CN={QuoteParameter(attendee.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendee.Email.Trim()}");
        }

        // Uninviting some attendees of a meeting that goes on carries no STATUS (RFC 5546, 3.2.5).
        if (!meeting.Uninvited)
        {
            lines.Add(meeting.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        }

        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return Join(lines);
    }
}
