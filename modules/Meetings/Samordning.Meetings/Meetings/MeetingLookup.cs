using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

// The meeting a managing use case works on, with its people and agenda (tracked, so it can be changed), or the
// reason there is none: not found, or not the person's to manage.
internal static class MeetingLookup
{
    public static async Task<(Meeting? Meeting, Outcome<T>? Refusal)> ForManagerAsync<T>(MeetingServices deps, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.WithChildren().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return (null, Outcome.NotFound<T>());
        }

        return MeetingAccess.CanManage(deps.User.Principal, meeting) ? (meeting, null) : (null, Outcome.Forbidden<T>());
    }
}
