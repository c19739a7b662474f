using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Shared.Live;

namespace Samordning.Feedback.Register;

// The module's live topics (issue 16, point 6), each carrying only the signal that something changed, because the
// register and the rounds are fetched again through their pages, which show each person what they may see.
// "feedback": any input, for those who read the register across ministries (coordinators, observers, facilitators);
// "feedback:ministry:{id}": input of one ministry, for its contact persons (and coordinators);
// "feedback:rounds": input rounds opened or changed, for everyone who reads the register.
internal sealed class FeedbackLive : ILiveTopicPolicy
{
    public const string AllTopic = "feedback";
    public const string MinistryPrefix = "feedback:ministry:";
    public const string RoundsTopic = "feedback:rounds";
    public const string ItemType = "feedback.item-changed";
    public const string RoundType = "feedback.round-changed";

    public static string MinistryTopic(Guid ministryId) => $"{MinistryPrefix}{ministryId}";

    // The register topic a person follows: across ministries, their own ministry's, or none.
    public static string? RegisterTopic(ClaimsPrincipal user) =>
        SeesAcrossMinistries(user) ? AllTopic
        : user.IsInRole(Roles.ContactPerson) && user.MinistryId() is { } ministry ? MinistryTopic(ministry)
        : null;

    public bool Handles(string topic) => topic is AllTopic or RoundsTopic || topic.StartsWith(MinistryPrefix, StringComparison.Ordinal);

    public Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(topic switch
        {
            AllTopic => SeesAcrossMinistries(user),
            RoundsTopic => FeedbackAccess.CanRead(user),
            _ => Guid.TryParse(topic.AsSpan(MinistryPrefix.Length), out var ministry)
                && (user.IsInRole(Roles.Coordinator) || (user.IsInRole(Roles.ContactPerson) && user.MinistryId() == ministry)),
        });

    // Called by every save of the module (FeedbackDbContext), so no slice can forget it: one item per topic per save.
    public static void StageChanges(FeedbackDbContext db)
    {
        var items = db.ChangeTracker.Entries<FeedbackItem>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var rounds = db.ChangeTracker.Entries<InputRound>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (items.Count > 0)
        {
            db.StageLive(AllTopic, ItemType, () => new FeedbackChanged());
            var ministries = items
                .SelectMany(e => new[] { e.Entity.MinistryId, e.State == EntityState.Added ? null : e.Property(i => i.MinistryId).OriginalValue })
                .OfType<Guid>()
                .Distinct();
            foreach (var ministry in ministries)
            {
                db.StageLive(MinistryTopic(ministry), ItemType, () => new FeedbackChanged());
            }
        }

        if (rounds)
        {
            db.StageLive(RoundsTopic, RoundType, () => new FeedbackChanged());
        }
    }

    private static bool SeesAcrossMinistries(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Observer) || user.IsInRole(Roles.Facilitator);
}

// Nothing but the signal.
internal sealed record FeedbackChanged;
