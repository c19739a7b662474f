namespace Samordning.Workstreams.Data;

// An uploaded list of initiatives waiting for its person to map, preview and confirm it. Kept in the module's store
// (not in a node's memory), so the preview and the confirm may reach different nodes; it expires, and nothing of it
// becomes an initiative until it is confirmed.
internal sealed class InitiativeImport : IVersioned
{
    public const int MaxReferenceLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid MinistryId { get; set; }
    public required string MinistryCode { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    // The file's header row and data rows as JSON (arrays of cell texts), and the mapping of fields to columns.
    public required string Headers { get; set; }
    public required string Rows { get; set; }
    public required string Mapping { get; set; }

    // Set when confirmed: the import is then kept only to show its result, and cannot be confirmed twice.
    public DateTimeOffset? ConfirmedAt { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public long Version { get; set; }
}
