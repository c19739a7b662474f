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

    private static bool IsContactPersonOf(ClaimsPrincipal user, Guid ministryId) =>
        user.IsInRole(Roles.ContactPerson) && user.MinistryId() == ministryId;
}
