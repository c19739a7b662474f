using System.Security.Claims;
using Samordning.Shared.Live;

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

    public static async Task PublishChangedAsync(ILiveUpdates live, InitiativeDetails initiative, CancellationToken cancellationToken)
    {
        var payload = new InitiativeChanged(initiative.Id, initiative.Title, initiative.OwningMinistryCode, initiative.Phase.ToString(), initiative.Status.ToString(), initiative.Progress);
        await live.PublishAsync(DashboardTopic, ChangedType, payload, cancellationToken);
        foreach (var workstreamId in initiative.WorkstreamIds)
        {
            await live.PublishAsync($"{WorkstreamPrefix}{workstreamId}", ChangedType, payload, cancellationToken);
        }
    }
}

internal sealed record InitiativeChanged(Guid Id, string Title, string Ministry, string Phase, string Status, int Progress);
