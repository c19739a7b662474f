using System.Security.Claims;
using Samordning.Shared.Live;
using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

// The module's live topics. "meeting:{id}": entries as they are written, corrected or withdrawn, questions and
// polls with their counts (each item the whole question or poll at its version), status changes,
// registrations and attendance; only people who may read the meeting may follow it, on the hub and on the catch-up
// endpoint. "meetings": that some meeting was planned or changed, for the meeting list; its items carry nothing
// but the signal (the list is fetched again through the page, which shows each person only what they may read).
internal sealed class MeetingLive(MeetingsDbContext db) : ILiveTopicPolicy
{
    public const string Prefix = "meeting:";
    public const string EntryType = "meetings.entry";
    public const string StatusType = "meetings.status";
    public const string ListTopic = "meetings";
    public const string ChangedType = "meetings.changed";
    public const string ParticipantsType = "meetings.participants";
    public const string QuestionType = "meetings.question";
    public const string PollType = "meetings.poll";

    public static string Topic(Guid meetingId) => $"{Prefix}{meetingId}";

    public bool Handles(string topic) => topic == ListTopic || topic.StartsWith(Prefix, StringComparison.Ordinal);

    // A meeting was planned or changed (its participants too): the list hears it, and the meeting's own page when
    // its participants, registrations or attendance changed.
    public static void StageChanged(MeetingsDbContext db, Guid meetingId, bool participants)
    {
        db.StageLive(ListTopic, ChangedType, () => new MeetingsChanged());
        if (participants)
        {
            db.StageLive(Topic(meetingId), ParticipantsType, () => new MeetingsChanged());
        }
    }

    public async Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken)
    {
        if (topic == ListTopic)
        {
            return user.PersonId() is not null;
        }

        if (!Guid.TryParse(topic.AsSpan(Prefix.Length), out var id))
        {
            return false;
        }

        // One statement that answers yes or no (MeetingAccess.Readable, the rule CanRead applies to a loaded meeting),
        // not the meeting with all its facilitators and participants: every participant joins once, so loading the
        // list for each join made connecting a meeting of 5,000 read 25 million participant rows (issue 19).
        if (user.PersonId() is null)
        {
            return MeetingAccess.IsGuestOf(user, id) && await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken);
        }

        return await db.Meetings.Where(m => m.Id == id).Readable(user).AnyAsync(cancellationToken);
    }
}

// Nothing but the signal: who may read which meeting is decided when the page is fetched again.
internal sealed record MeetingsChanged;
