// In the shared kernel, beside the activity kinds: the Workstreams module's page follows and the Feedback module's
// overview reads follows, while the Notifications module, which owns them, already uses the Workstreams contracts
// (a contract each way would make the modules' start-up order a cycle).
namespace Samordning.Shared.Activity;

/// <summary>
/// The workstreams a person follows (new input on them notifies the person), for other modules: the front page's
/// "new input on workstreams I follow" and the follow button on a workstream's page. The Notifications module owns
/// the follows and registers the one implementation; a follow is a person's own choice, so every method is about one
/// person.
/// </summary>
public interface IWorkstreamFollows
{
    /// <summary>Ids of the workstreams <paramref name="personId"/> follows, in no particular order.</summary>
    Task<IReadOnlyList<Guid>> GetFollowedAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>
    /// Follows (<paramref name="follow"/> true) or stops following a workstream. Doing what is already done changes
    /// nothing. False when the workstream does not exist.
    /// </summary>
    Task<bool> SetAsync(Guid personId, Guid workstreamId, bool follow, CancellationToken cancellationToken);
}
