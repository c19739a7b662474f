using System.Security.Claims;
using Samordning.Shared.Live;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// Live topics of the module: "dashboard" (every change, for the cross-sector dashboard and the initiative list),
// "workstream:{id}" (changes to initiatives contributing to one workstream), "initiative:{id}" (one initiative's
// page) and "rounds" (reporting rounds opened, closed, confirmed or submitted). All are readable by everyone
// registered, as the initiatives and rounds themselves are.
internal sealed class InitiativeLive : ILiveTopicPolicy
{
    public const string DashboardTopic = "dashboard";
    public const string WorkstreamPrefix = "workstream:";
    public const string InitiativePrefix = "initiative:";
    public const string RoundsTopic = "rounds";
    public const string ChangedType = "workstreams.initiative-changed";
    public const string RoundChangedType = "workstreams.round-changed";
    public const string ImportedType = "workstreams.initiatives-imported";

    public bool Handles(string topic) =>
        topic is DashboardTopic or RoundsTopic
        || topic.StartsWith(WorkstreamPrefix, StringComparison.Ordinal)
        || topic.StartsWith(InitiativePrefix, StringComparison.Ordinal);

    public static string InitiativeTopic(Guid id) => $"{InitiativePrefix}{id}";

    public Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(user.PersonId() is not null);

    // Staged in the change's transaction (outbox rows, made during the save from the initiative as saved) and
    // delivered after the commit, so every change reaches the dashboard and workstream pages that follow it.
    public static void Stage(WorkstreamsDbContext db, Initiative initiative)
    {
        db.StageLive(DashboardTopic, ChangedType, () => Changed(initiative));
        db.StageLive(InitiativeTopic(initiative.Id), ChangedType, () => Changed(initiative));
        foreach (var workstreamId in InitiativeDetails.From(initiative).WorkstreamIds)
        {
            db.StageLive($"{WorkstreamPrefix}{workstreamId}", ChangedType, () => Changed(initiative));
        }
    }

    // An import of many initiatives: one item on the dashboard topic for all of them (its followers fetch the page
    // again on any item, so thousands would only be thousands of broadcasts), and each updated initiative's own
    // topics as any change of it stages them. A new initiative's own topic has no follower yet.
    public static void StageImport(WorkstreamsDbContext db, Guid ministryId, IReadOnlyList<Initiative> created, IReadOnlyList<Initiative> updated)
    {
        db.StageLive(DashboardTopic, ImportedType, () => new InitiativesImported(ministryId, created.Count, updated.Count));
        foreach (var initiative in updated)
        {
            db.StageLive(InitiativeTopic(initiative.Id), ChangedType, () => Changed(initiative));
            foreach (var workstream in initiative.Workstreams)
            {
                db.StageLive($"{WorkstreamPrefix}{workstream.WorkstreamId}", ChangedType, () => Changed(initiative));
            }
        }
    }

    // A round's progress changed: the rounds list and the round's page refetch what they show.
    public static void StageRound(WorkstreamsDbContext db, Guid roundId) =>
        db.StageLive(RoundsTopic, RoundChangedType, () => new RoundChanged(roundId));

    private static InitiativeChanged Changed(Initiative initiative)
    {
        var details = InitiativeDetails.From(initiative);
        return new InitiativeChanged(details.Id, details.Title, details.OwningMinistryCode, details.Phase.ToString(), details.Status.ToString(), details.Progress);
    }
}

internal sealed record InitiativeChanged(Guid Id, string Title, string Ministry, string Phase, string Status, int Progress);

internal sealed record RoundChanged(Guid RoundId);

internal sealed record InitiativesImported(Guid MinistryId, int Created, int Updated);
