namespace Samordning.Shared.Persistence;

/// <summary>One change to an audited entity: who, when, what, before and after (JSON of the changed properties).</summary>
public sealed class AuditEntry
{
    /// <summary>Store-generated id; also the order of changes.</summary>
    public long Id { get; set; }

    /// <summary>When the change was saved.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The person who made it, or null for the system.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Name of who made it, as it was then.</summary>
    public required string Actor { get; set; }

    /// <summary>The entity type's name.</summary>
    public required string Entity { get; set; }

    /// <summary>The entity's id.</summary>
    public Guid EntityId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>The changed properties before, as JSON; null when created.</summary>
    public string? Before { get; set; }

    /// <summary>The changed properties after, as JSON; null when deleted.</summary>
    public string? After { get; set; }
}
