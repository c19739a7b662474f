using System.Security.Claims;
using Samordning.Shared.Live;
using Samordning.Shared.Security;

namespace Samordning.Host.Live;

// One decision for the hub and the catch-up endpoint: the policy that owns the topic decides; a topic no policy
// owns is refused, so a new kind of topic is private until its module says who may follow it.
internal sealed class LiveTopicAuthorizer(IEnumerable<ILiveTopicPolicy> policies)
{
    public const int MaxTopicLength = 200;

    public async Task<bool> CanFollowAsync(ClaimsPrincipal user, string? topic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > MaxTopicLength || user.ActorId() is null)
        {
            return false;
        }

        var policy = policies.FirstOrDefault(p => p.Handles(topic));
        return policy is not null && await policy.CanFollowAsync(user, topic, cancellationToken);
    }
}

// user:{personId} carries a person's own notifications: only that person may follow it.
internal sealed class UserTopicPolicy : ILiveTopicPolicy
{
    public const string Prefix = "user:";

    public bool Handles(string topic) => topic.StartsWith(Prefix, StringComparison.Ordinal);

    public Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken) =>
        Task.FromResult(user.PersonId() is { } id && topic == $"{Prefix}{id}");
}
