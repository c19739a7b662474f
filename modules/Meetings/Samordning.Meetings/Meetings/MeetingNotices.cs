using System.Globalization;
using Samordning.Meetings.Data;
using Samordning.Shared.Activity;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Meetings;

// Tells the people of a meeting that it changed, moved or was cancelled, with what their calendar needs: staged in
// the outbox with the change (so a stored change is always told), keyed by the version the save gives it.
internal static class MeetingNotices
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Called inside the save's edit, after the change is applied: the save then bumps the version by one.
    public static void Stage(MeetingServices deps, Meeting meeting, bool moved)
    {
        var sequence = meeting.Version + 1;
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var people = meeting.Participants.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value)
            .Concat(meeting.Facilitators.Select(f => f.PersonId)).Distinct().ToList();
        var start = Oslo.ToOslo(meeting.StartsAt);
        var title = cancelled ? new LocalizedText($"Avlyst: {meeting.Title}", $"Cancelled: {meeting.Title}")
            : moved ? new LocalizedText(
                $"Flyttet: {meeting.Title} – nå {start.ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian)}",
                $"Moved: {meeting.Title} – now {start.ToString("d MMMM yyyy HH:mm", English)}")
            : new LocalizedText($"Endret: {meeting.Title}", $"Changed: {meeting.Title}");
        deps.Db.StageEvent(new ActivityHappened(
            $"meeting:{meeting.Id}:v{sequence}",
            ActivityKinds.MeetingChanged,
            deps.User.PersonId,
            people,
            [],
            title,
            $"/moter/{meeting.Id}",
            deps.Clock.UtcNow,
            new MeetingInvitation(
                meeting.Id,
                sequence,
                cancelled,
                meeting.Title,
                meeting.StartsAt,
                meeting.EndsAt,
                meeting.Place ?? meeting.OnlineLink,
                meeting.Facilitators.Count > 0 ? meeting.Facilitators[0].PersonId : null,
                people)));
    }
}
