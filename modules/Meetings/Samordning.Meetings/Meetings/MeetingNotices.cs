using System.Globalization;
using Samordning.Meetings.Data;
using Samordning.Shared.Activity;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Meetings;

// Tells the people of a meeting that they were invited, that it changed, moved or was cancelled, or that they are no
// longer invited, with what their calendar needs: staged in the outbox with the change (so a stored change is always
// told), keyed by the version the save gives it. A ministry taking part as a whole means each of its people, read
// from the registry when the change is made. One save tells each person one thing (the groups are disjoint), so the
// key (meeting, sequence) and the person make every mail and notification unique, however often it is delivered.
internal static class MeetingNotices
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IEnumerable<Guid> MinistriesOf(IEnumerable<MeetingParticipant> participants) =>
        participants.Where(p => p.Kind == ParticipantKind.Ministry && p.MinistryId is not null).Select(p => p.MinistryId!.Value);

    // The saves' edits are synchronous, so the people of every ministry they may touch are read before.
    public static async Task<ILookup<Guid, Guid>> MembersAsync(MeetingServices deps, IEnumerable<Guid> ministryIds, CancellationToken cancellationToken)
    {
        var ids = ministryIds.Distinct().ToList();
        var people = ids.Count == 0 ? [] : await deps.Directory.GetPeopleOfMinistriesAsync(ids, cancellationToken);
        return people.Where(p => p.MinistryId is not null).ToLookup(p => p.MinistryId!.Value, p => p.Id);
    }

    // Everyone the meeting invites: people by name, its facilitators, and each person of a ministry taking part.
    public static HashSet<Guid> Audience(Meeting meeting, ILookup<Guid, Guid> members) =>
        [.. Named(meeting), .. MinistriesOf(meeting.Participants).SelectMany(m => members[m])];

    // A new meeting: everyone it invites gets the invitation (its version is the sequence; the first change bumps it).
    public static void StageCreated(MeetingServices deps, Meeting meeting, ILookup<Guid, Guid> members) =>
        Tell(deps, meeting, meeting.Version, [.. Audience(meeting, members)], Invited(meeting), Calendar(meeting, meeting.Version, cancelled: false, uninvited: false));

    // Called inside the save's edit, after the change is applied (the save then bumps the version by one), with the
    // audience from before the change: who stays hears of the change, who came in is invited, who left is uninvited.
    public static void Stage(MeetingServices deps, Meeting meeting, bool moved, IReadOnlySet<Guid> before, ILookup<Guid, Guid> members)
    {
        // The sequence is the version the save gives: make sure it gives one, even to a change of only the
        // participants within the clock's same tick (UpdatedAt then looks unchanged).
        deps.Db.Entry(meeting).Property(m => m.UpdatedAt).IsModified = true;
        var sequence = meeting.Version + 1;
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var after = Audience(meeting, members);
        var start = Oslo.ToOslo(meeting.StartsAt);
        var title = cancelled ? new LocalizedText($"Avlyst: {meeting.Title}", $"Cancelled: {meeting.Title}")
            : moved ? new LocalizedText(
                $"Flyttet: {meeting.Title} – nå {start.ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian)}",
                $"Moved: {meeting.Title} – now {start.ToString("d MMMM yyyy HH:mm", English)}")
            : new LocalizedText($"Endret: {meeting.Title}", $"Changed: {meeting.Title}");
        Tell(deps, meeting, sequence, [.. after.Where(before.Contains)], title, Calendar(meeting, sequence, cancelled, uninvited: false));

        // A cancelled meeting invites nobody new, and who left it was told of the cancellation already.
        if (!cancelled)
        {
            Tell(deps, meeting, sequence, [.. after.Where(p => !before.Contains(p))], Invited(meeting), Calendar(meeting, sequence, cancelled: false, uninvited: false));
            Tell(deps, meeting, sequence, [.. before.Where(p => !after.Contains(p))],
                new($"Ikke lenger invitert: {meeting.Title}", $"No longer invited: {meeting.Title}"),
                Calendar(meeting, sequence, cancelled: true, uninvited: true));
        }
    }

    // Someone who signs themselves up and was not invited yet (by name, as a facilitator or through their ministry)
    // gets the invitation their calendar needs; the others' invitations stay as they are. Called inside the save
    // that adds them, which bumps the version to the sequence used.
    public static void StageRegistered(MeetingServices deps, Meeting meeting, Guid personId, IReadOnlySet<Guid> before)
    {
        if (before.Contains(personId) || meeting.Status == MeetingStatus.Cancelled)
        {
            return;
        }

        deps.Db.Entry(meeting).Property(m => m.UpdatedAt).IsModified = true;
        var sequence = meeting.Version + 1;
        // No actor: the notifier leaves the actor out, and here the invitation is for the person who acted.
        Tell(deps, meeting, sequence, [personId], Invited(meeting), Calendar(meeting, sequence, cancelled: false, uninvited: false), tellActor: true);
    }

    private static LocalizedText Invited(Meeting meeting)
    {
        var start = Oslo.ToOslo(meeting.StartsAt);
        return new(
            $"Invitasjon: {meeting.Title} – {start.ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian)}",
            $"Invitation: {meeting.Title} – {start.ToString("d MMMM yyyy HH:mm", English)}");
    }

    private static IEnumerable<Guid> Named(Meeting meeting) =>
        meeting.Participants.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Concat(meeting.Facilitators.Select(f => f.PersonId));

    private static MeetingInvitation Calendar(Meeting meeting, long sequence, bool cancelled, bool uninvited) => new(
        meeting.Id,
        sequence,
        cancelled,
        meeting.Title,
        meeting.StartsAt,
        meeting.EndsAt,
        meeting.Place ?? meeting.OnlineLink,
        meeting.Facilitators.Count > 0 ? meeting.Facilitators[0].PersonId : null,
        [.. Named(meeting).Distinct()],
        uninvited);

    private static void Tell(MeetingServices deps, Meeting meeting, long sequence, IReadOnlyList<Guid> people, LocalizedText title, MeetingInvitation calendar, bool tellActor = false)
    {
        if (people.Count == 0)
        {
            return;
        }

        deps.Db.StageEvent(new ActivityHappened(
            $"meeting:{meeting.Id}:v{sequence}",
            ActivityKinds.MeetingChanged,
            tellActor ? null : deps.User.PersonId,
            people,
            [],
            title,
            $"/moter/{meeting.Id}",
            deps.Clock.UtcNow,
            calendar));
    }
}
