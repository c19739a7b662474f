using System.Security.Claims;
using Samordning.Shared.Live;

namespace Samordning.Ministries;

// The registry's live topic: pages showing the registry hear when someone else changes it.
internal sealed class RegistryLive : ILiveTopicPolicy
{
    public const string Topic = "ministries";
    public const string ChangedType = "ministries.changed";

    public bool Handles(string topic) => topic == Topic;

    // The registry is readable by everyone registered, so everyone registered may follow its changes.
    public Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(user.PersonId() is not null);

    public static Task PublishChangedAsync(ILiveUpdates live, string kind, Guid id, string name, CancellationToken cancellationToken) =>
        live.PublishAsync(Topic, ChangedType, new RegistryChanged(kind, id, name), cancellationToken);
}

internal sealed record RegistryChanged(string Kind, Guid Id, string Name);
