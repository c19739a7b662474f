namespace Samordning.Meetings.Data;

// A guest link to one meeting: someone without a registry account follows the live notes, asks questions, votes and
// registers. Only the SHA-256 of its token is stored, so a copy of the database opens nothing. Either one named
// guest (MaxUses 1, with name and e-mail) or a set number of people; it ends at ExpiresAt or when revoked.
internal sealed class GuestLink : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public required string TokenHash { get; set; }

    [PersonalData]
    public string? GuestName { get; set; }

    [PersonalData]
    public string? GuestEmail { get; set; }

    public int MaxUses { get; set; }

    // Counted on the row (not from the passes) so two redemptions at once clash on the version, and the limit holds
    // on any node: the loser reads again and finds the link used up or counts on top.
    public int Uses { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}

// One redemption of a guest link: the guest's own id (what their questions, votes and registration carry) and the
// name they gave. Audited, so the history says who came in through which link.
internal sealed class GuestPass : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LinkId { get; set; }
    public Guid MeetingId { get; set; }

    [PersonalData]
    public required string Name { get; set; }

    public DateTimeOffset RedeemedAt { get; set; }

    // A guest signs up here rather than among the meeting's participants, which its organisers edit as a whole.
    public DateTimeOffset? RegisteredAt { get; set; }
}
