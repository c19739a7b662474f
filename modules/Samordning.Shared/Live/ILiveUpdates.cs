using System.Security.Claims;

namespace Samordning.Shared.Live;

/// <summary>
/// Publishes live items to a topic. Every item is stored first with the topic's next sequence number, then
/// broadcast, so a client that missed a broadcast fetches what it lacks with <see cref="GetAfterAsync"/>.
/// </summary>
public interface ILiveUpdates
{
    /// <summary>Stores the item, then broadcasts it. Returns the item as stored, with its sequence number.</summary>
    Task<LiveItem> PublishAsync(string topic, string type, object payload, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several items at once (in one transaction where the store allows), then broadcasts each in order.
    /// For a job that notifies many people; returns the items as stored, in the given order.
    /// </summary>
    Task<IReadOnlyList<LiveItem>> PublishManyAsync(IReadOnlyList<LivePublication> items, CancellationToken cancellationToken);

    /// <summary>The topic's last sequence number (0 when it has none), for a page to render where it stands.</summary>
    Task<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken);

    /// <summary>Items of a topic with a sequence number greater than <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<LiveItem>> GetAfterAsync(string topic, long after, int max, CancellationToken cancellationToken);
}

/// <summary>An item to publish with <see cref="ILiveUpdates.PublishManyAsync"/>; the payload is serialised to JSON.</summary>
public sealed record LivePublication(string Topic, string Type, object Payload);

/// <summary>A stored live item. <paramref name="Payload"/> is JSON.</summary>
public sealed record LiveItem(string Topic, long Sequence, string Type, string Payload, DateTimeOffset At);

/// <summary>
/// Decides who may follow a module's topics. Found by the host's Scrutor scan; the hub and the catch-up
/// endpoint ask the policy whose <see cref="Handles"/> returns true, and refuse topics no policy handles.
/// </summary>
public interface ILiveTopicPolicy
{
    /// <summary>True when the topic belongs to this policy, for example a prefix match on <c>meeting:</c>.</summary>
    bool Handles(string topic);

    /// <summary>True when the person may receive the topic's items.</summary>
    Task<bool> CanFollowAsync(ClaimsPrincipal user, string topic, CancellationToken cancellationToken);
}
