namespace Samordning.Meetings.Dialogue;

// A dialogue with the market before a procurement (the seed's "dialogmøte" and one-to-one meetings): suppliers
// register with their organisation number, book one-to-one slots offered to all on the same terms, and what KMD
// tells one supplier is published to all through the questions and answers. Equal treatment is the rule the
// tables serve: the report reads them per supplier.
internal sealed class SupplierDialogue : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }

    // The terms every supplier accepts on registering (confidentiality, what a one-to-one may cover …).
    public required string Terms { get; set; }
    public DateTimeOffset RegistrationDeadline { get; set; }

    // One slot a supplier unless the coordinators allow more: equal terms means equal shares of KMD's time.
    public int MaxSlotsPerSupplier { get; set; } = 1;

    // Published: the public page and /prosess show it; before that only coordinators see it.
    public bool Published { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

// A registered supplier. The private link's token is never stored, only its SHA-256, so a copy of the database
// opens no supplier's page. One registration per organisation number per dialogue (a unique index).
internal sealed class DialogueSupplier : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DialogueId { get; set; }
    public required string OrganisationName { get; set; }
    public required string OrganisationNumber { get; set; }

    [PersonalData]
    public required string ContactName { get; set; }

    [PersonalData]
    public required string Email { get; set; }

    public required string TokenHash { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    // The supplier's booked slots, kept on its row so two bookings by one supplier at once clash on its version and
    // the per-supplier limit holds on every provider and node.
    public int Bookings { get; set; }
    public long Version { get; set; }
}

// A one-to-one slot, offered to every registered supplier from OfferedAt (also to those who register later, on
// the same terms while it is free). Booking writes the slot row under its version: of two suppliers racing for it,
// one saves and the other's update finds a newer version.
internal sealed class DialogueSlot : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DialogueId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public Guid? SupplierId { get; set; }
    public DateTimeOffset? BookedAt { get; set; }
    public bool Held { get; set; }
    public long Version { get; set; }
}

// What KMD told a supplier in a one-to-one meeting. PublishedQuestionId points at the Q&A item that made it known
// to all; without it the equal-treatment report flags the item.
internal sealed class DialogueInformation : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DialogueId { get; set; }
    public Guid SlotId { get; set; }
    public Guid SupplierId { get; set; }
    public required string Text { get; set; }
    public string? DocumentReference { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public required string RecordedBy { get; set; }
    public Guid? PublishedQuestionId { get; set; }
}

// A question and KMD's answer. The asking supplier is kept for the report only; no view for suppliers or the public
// carries it (DialogueViews.PublicQuestion). Published answers are seen by every registered supplier and the public.
internal sealed class DialogueQuestion : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DialogueId { get; set; }
    public Guid? SupplierId { get; set; }
    public required string Question { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid? SourceInformationId { get; set; }
    public long Version { get; set; }
}
