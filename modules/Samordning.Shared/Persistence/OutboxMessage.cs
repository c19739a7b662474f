namespace Samordning.Shared.Persistence;

/// <summary>
/// What must follow a change (an event for another module, a live item), stored in the module's own store in the
/// same transaction as the change, and deleted once delivered. The host delivers it right after the commit and,
/// should that fail or the process die, again from a background job until the receiver has it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>How long a delivery may take before another node (or a restarted one) may try the row again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>The row's id: also the receiver's idempotency key (a live item's source id).</summary>
    public Guid Id { get; set; }

    /// <summary><see cref="OutboxKinds.Event"/> or <see cref="OutboxKinds.Live"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>An event's type (<c>Full.Name, Assembly</c>), or a live item's type.</summary>
    public required string Type { get; set; }

    /// <summary>A live item's topic; null for an event.</summary>
    public string? Topic { get; set; }

    /// <summary>The event or the live item's payload, as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>When the change was saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Deliveries tried by the background job.</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this instant: a lease while a delivery runs, a back-off after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last failure, for administrators.</summary>
    public string? LastError { get; set; }
}

/// <summary>The kinds of <see cref="OutboxMessage"/>.</summary>
public static class OutboxKinds
{
    /// <summary>An <see cref="Events.IEvent"/> for other modules' handlers.</summary>
    public const string Event = "event";

    /// <summary>A live item for the host's live store.</summary>
    public const string Live = "live";
}

/// <summary>Delivers what a module staged in its outbox (<see cref="ModuleDbContext.StageEvent"/>, <see cref="ModuleDbContext.StageLive"/>).</summary>
public interface IOutbox
{
    /// <summary>
    /// Delivers at once the messages the last successful save of <paramref name="db"/> committed. Never throws for
    /// a failed delivery: the rows are committed, and the host's outbox job delivers them later.
    /// </summary>
    Task DeliverAsync(ModuleDbContext db, CancellationToken cancellationToken);
}
