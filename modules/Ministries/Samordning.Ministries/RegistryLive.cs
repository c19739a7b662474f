using System.Security.Claims;
using Samordning.Ministries.Data;
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

    // Staged before the save (an outbox row in the change's transaction; the name as saved), delivered after it
    // with IOutbox, so a registry change always reaches the pages that follow it.
    public static void Stage(MinistriesDbContext db, string kind, Func<(Guid Id, string Name)> changed) =>
        db.StageLive(Topic, ChangedType, () =>
        {
            var (id, name) = changed();
            return new RegistryChanged(kind, id, name);
        });
}

internal sealed record RegistryChanged(string Kind, Guid Id, string Name);
