using Samordning.Meetings.Data;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Guests;

// The bounds of a meeting guest link's expiry (the rest of the rules are the shared GuestLinkRules).
internal static class MeetingGuestRules
{
    // How long after the meeting a link may still be good: long enough to read the notes again, not a standing door.
    public static readonly TimeSpan MaxAfterMeeting = TimeSpan.FromDays(30);

    // By default the end of the day after the meeting, in Oslo: the guest can read the notes again the next day.
    public static DateTimeOffset DefaultExpiry(Meeting meeting, DateTimeOffset now)
    {
        var day = Oslo.DateOf(meeting.EndsAt > now ? meeting.EndsAt : now).AddDays(2);
        return DateRange.FromOsloLocal(day.ToDateTime(TimeOnly.MinValue));
    }

    public static DateTimeOffset LatestExpiry(Meeting meeting, DateTimeOffset now) => (meeting.EndsAt > now ? meeting.EndsAt : now) + MaxAfterMeeting;

    public static LocalizedText ExpiryRule => new(
        $"Lenken må utløpe etter nå og senest {(int)MaxAfterMeeting.TotalDays} dager etter møtet.",
        $"The link must expire after now and at most {(int)MaxAfterMeeting.TotalDays} days after the meeting.");
}
