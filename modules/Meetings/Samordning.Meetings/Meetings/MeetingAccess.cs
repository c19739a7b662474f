using System.Security.Claims;
using Samordning.Meetings.Data;

namespace Samordning.Meetings.Meetings;

// Who may do what with meetings, in one place. Coordinators manage every meeting; a facilitator manages and
// writes in the meetings they facilitate; participants (in person or through their ministry), observers and
// everyone registered for a published meeting read it.
internal static class MeetingAccess
{
    public static bool CanCreate(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Facilitator);

    public static bool CanManage(ClaimsPrincipal user, Meeting meeting) =>
        user.IsInRole(Roles.Coordinator) || IsFacilitator(user, meeting);

    // Live notes: only the meeting's own facilitators write, whatever other roles they have.
    public static bool CanWrite(ClaimsPrincipal user, Meeting meeting) => IsFacilitator(user, meeting);

    // Live questions and polls: asking, upvoting and voting are for those who take part in the meeting, the people who
    // may follow it, except those who read every meeting as observers (they follow, as with notes, but do not
    // speak). A guest of the meeting takes part: that is what the link is for.
    public static bool CanTakePart(ClaimsPrincipal user, Meeting meeting) =>
        IsGuestOf(user, meeting)
        || CanRead(user, meeting) && (!user.IsInRole(Roles.Observer) || IsFacilitator(user, meeting) || meeting.Participants.Any(p => p.PersonId == user.PersonId()));

    public static bool IsFacilitator(ClaimsPrincipal user, Meeting meeting) =>
        user.PersonId() is { } id && meeting.Facilitators.Any(f => f.PersonId == id);

    // A guest session reaches exactly the one meeting its link was made for, and nothing else.
    public static bool IsGuestOf(ClaimsPrincipal user, Meeting meeting) => IsGuestOf(user, meeting.Id);

    public static bool IsGuestOf(ClaimsPrincipal user, Guid meetingId) => user.GuestMeetingId() == meetingId;

    public static bool CanRead(ClaimsPrincipal user, Meeting meeting)
    {
        if (user.PersonId() is not { } personId)
        {
            return IsGuestOf(user, meeting);
        }

        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Observer) || meeting.Published || IsFacilitator(user, meeting))
        {
            return true;
        }

        var ministryId = user.MinistryId();
        return meeting.Participants.Any(p => p.PersonId == personId || (ministryId is not null && p.MinistryId == ministryId))
            || (ministryId is not null && meeting.OrganisingMinistryId == ministryId && meeting.Kind != MeetingKind.OneToOne);
    }

    // Kick-offs, dialogue meetings and workshops invite people to sign up. A one-to-one meeting or an internal one
    // takes its participants from its organiser alone: reading it (as an observer, say) is no invitation.
    public static bool InvitesRegistration(Meeting meeting) => meeting.Kind is not (MeetingKind.OneToOne or MeetingKind.Internal);

    // Signing oneself up: for a meeting one may read that invites it; where it does not, only someone the organiser
    // already listed may confirm (which adds nobody).
    // A guest registers where invited by the link, whatever the kind of meeting.
    public static bool CanRegister(ClaimsPrincipal user, Meeting meeting) =>
        IsGuestOf(user, meeting)
        || CanRead(user, meeting)
        && (InvitesRegistration(meeting) || (user.PersonId() is { } personId && meeting.Participants.Any(p => p.PersonId == personId)));

    // The meetings a person may read, as a query, so lists filter in the database.
    public static IQueryable<Meeting> Readable(this IQueryable<Meeting> meetings, ClaimsPrincipal user)
    {
        if (user.PersonId() is not { } personId)
        {
            return meetings.Where(m => false);
        }

        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Observer))
        {
            return meetings;
        }

        var ministryId = user.MinistryId();
        return meetings.Where(m => m.Published
            || m.Facilitators.Any(f => f.PersonId == personId)
            || m.Participants.Any(p => p.PersonId == personId || (ministryId != null && p.MinistryId == ministryId))
            || (ministryId != null && m.OrganisingMinistryId == ministryId && m.Kind != MeetingKind.OneToOne));
    }

    public static IQueryable<Meeting> WithChildren(this IQueryable<Meeting> meetings) =>
        meetings.Include(m => m.Facilitators).Include(m => m.Participants).Include(m => m.Agenda).Include(m => m.Workstreams).Include(m => m.Initiatives).AsSplitQuery();
}
