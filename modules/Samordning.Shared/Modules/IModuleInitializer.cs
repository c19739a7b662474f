namespace Samordning.Shared.Modules;

/// <summary>
/// Runs once at start-up, after migrations, for example to seed reference data. Found by the host's Scrutor
/// scan. Must be idempotent: several nodes may start at once.
/// </summary>
public interface IModuleInitializer
{
    /// <summary>Runs the initialisation.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
