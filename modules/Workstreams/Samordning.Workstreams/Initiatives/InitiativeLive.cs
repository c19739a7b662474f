using System.Security.Claims;
using Samordning.Shared.Live;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// Live topics of the module: "dashboard" (every change, for the cross-sector dashboard) and
// "workstream:{id}" (changes to initiatives contributing to one workstream). Both are readable by everyone
// registered, as the initiatives themselves are.
internal sealed class InitiativeLive : ILiveTopicPolicy
{
    public const string DashboardTopic = "dashboard";
    public const string WorkstreamPrefix = "workstream:";
    public const string ChangedType = "workstreams.initiative-changed";

    public bool Handles(string topic) => topic == DashboardTopic || topic.StartsWith(WorkstreamPrefix, StringComparison.Ordinal);

    public Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(user.PersonId() is not null);

    // Staged in the change's transaction (outbox rows, made during the save from the initiative as saved) and
    // delivered after the commit, so every change reaches the dashboard and workstream pages that follow it.
    public static void Stage(WorkstreamsDbContext db, Initiative initiative)
    {
        db.StageLive(DashboardTopic, ChangedType, () => Changed(initiative));
        foreach (var workstreamId in InitiativeDetails.From(initiative).WorkstreamIds)
        {
            db.StageLive($"{WorkstreamPrefix}{workstreamId}", ChangedType, () => Changed(initiative));
        }
    }

    private static InitiativeChanged Changed(Initiative initiative)
    {
        var details = InitiativeDetails.From(initiative);
        return new InitiativeChanged(details.Id, details.Title, details.OwningMinistryCode, details.Phase.ToString(), details.Status.ToString(), details.Progress);
    }
}

internal sealed record InitiativeChanged(Guid Id, string Title, string Ministry, string Phase, string Status, int Progress);
