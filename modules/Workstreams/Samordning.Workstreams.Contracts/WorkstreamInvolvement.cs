namespace Samordning.Workstreams.Contracts;

/// <summary>
/// The workstreams a person is part of, for modules that show what is new on them (there is no "follow" yet):
/// those the person is responsible for, and those their ministry's initiatives contribute to.
/// </summary>
public interface IWorkstreamInvolvement
{
    /// <summary>Ids of the workstreams the person owns or their ministry takes part in (owning or collaborating).</summary>
    Task<IReadOnlyList<Guid>> GetInvolvedWorkstreamIdsAsync(Guid personId, Guid? ministryId, CancellationToken cancellationToken);
}
