using System.Security.Claims;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// Who may do what with initiatives, in one place: coordinators everything; a contact person creates and edits
// their own ministry's initiatives; a collaborating ministry's contact person adds progress; everyone reads.
internal static class InitiativeAccess
{
    // Whether the person may register initiatives at all, checked before validation so that an observer learns
    // "not allowed" (403) rather than which fields they got wrong.
    public static bool CanCreateAny(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.ContactPerson);

    public static bool CanCreateFor(ClaimsPrincipal user, Guid owningMinistryId) =>
        user.IsInRole(Roles.Coordinator) || IsContactPersonOf(user, owningMinistryId);

    public static bool CanEdit(ClaimsPrincipal user, Initiative initiative) =>
        user.IsInRole(Roles.Coordinator) || IsContactPersonOf(user, initiative.OwningMinistryId);

    public static bool CanAddProgress(ClaimsPrincipal user, Initiative initiative) =>
        CanEdit(user, initiative)
        || initiative.CollaboratingMinistries.Any(m => IsContactPersonOf(user, m.MinistryId));

    // Who may link meetings, decisions, action items and input to which initiatives (issue 16): coordinators and
    // facilitators (whose meetings cross ministries) any; a contact person those their ministry owns or works on.
    public static IQueryable<Initiative> Linkable(IQueryable<Initiative> initiatives, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Facilitator))
        {
            return initiatives;
        }

        return user.IsInRole(Roles.ContactPerson) && user.MinistryId() is { } ministry
            ? initiatives.Where(i => i.OwningMinistryId == ministry || i.CollaboratingMinistries.Any(m => m.MinistryId == ministry))
            : initiatives.Where(_ => false);
    }

    private static bool IsContactPersonOf(ClaimsPrincipal user, Guid ministryId) =>
        user.IsInRole(Roles.ContactPerson) && user.MinistryId() == ministryId;
}
