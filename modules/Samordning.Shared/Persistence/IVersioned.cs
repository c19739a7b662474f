namespace Samordning.Shared.Persistence;

/// <summary>
/// An entity people edit together. <see cref="Version"/> is a concurrency token that the module DbContext
/// increments on every update, on both providers; a save based on an older version fails and becomes a 409.
/// </summary>
public interface IVersioned
{
    /// <summary>Incremented on every saved change.</summary>
    long Version { get; set; }
}

/// <summary>An entity whose changes are written to the audit log, identified by <see cref="Id"/>.</summary>
public interface IAudited
{
    /// <summary>The entity's id.</summary>
    Guid Id { get; }
}
