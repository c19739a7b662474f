using System.Security.Claims;
using Samordning.Shared.Live;
using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

// The module's live topic "meeting:{id}": entries as they are written, corrected or withdrawn, and status
// changes. Only people who may read the meeting may follow it, on the hub and on the catch-up endpoint.
internal sealed class MeetingLive(MeetingsDbContext db) : ILiveTopicPolicy
{
    public const string Prefix = "meeting:";
    public const string EntryType = "meetings.entry";
    public const string StatusType = "meetings.status";

    public static string Topic(Guid meetingId) => $"{Prefix}{meetingId}";

    public bool Handles(string topic) => topic.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(topic.AsSpan(Prefix.Length), out var id))
        {
            return false;
        }

        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Facilitators).Include(m => m.Participants).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is not null && MeetingAccess.CanRead(user, meeting);
    }
}
