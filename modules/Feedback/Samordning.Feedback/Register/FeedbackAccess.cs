using System.Security.Claims;
using Samordning.Feedback.Data;

namespace Samordning.Feedback.Register;

// Who may see and do what in the register (issue 5, point 6). Coordinators see and manage everything;
// contact persons see their own ministry's input; observers and facilitators read what is not exempt.
internal static class FeedbackAccess
{
    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public static bool CanRead(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.ContactPerson) || user.IsInRole(Roles.Observer) || user.IsInRole(Roles.Facilitator);

    // Contact persons record input on behalf of their own ministry.
    public static bool CanRecord(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || (user.IsInRole(Roles.ContactPerson) && user.MinistryId() is not null);

    public static IQueryable<FeedbackItem> Visible(this IQueryable<FeedbackItem> items, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Coordinator))
        {
            return items;
        }

        if (user.IsInRole(Roles.ContactPerson) && user.MinistryId() is { } ministry)
        {
            return user.IsInRole(Roles.Observer)
                ? items.Where(i => i.MinistryId == ministry || !i.Exempt)
                : items.Where(i => i.MinistryId == ministry);
        }

        return CanRead(user) ? items.Where(i => !i.Exempt) : items.Where(_ => false);
    }

    // What the public sees: published by a coordinator, consented by the contributor, and not exempt.
    public static IQueryable<FeedbackItem> PubliclyVisible(this IQueryable<FeedbackItem> items) =>
        items.Where(i => i.Published && i.ConsentToPublish && !i.Exempt);
}
