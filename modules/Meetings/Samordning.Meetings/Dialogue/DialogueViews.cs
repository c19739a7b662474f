using System.Text.Json.Serialization;

namespace Samordning.Meetings.Dialogue;

internal sealed record DialogueView(
    Guid Id, string Title, string? Description, string Terms, DateTimeOffset RegistrationDeadline, int MaxSlotsPerSupplier, bool Published,
    DateTimeOffset CreatedAt, long Version)
{
    public static DialogueView From(SupplierDialogue d) =>
        new(d.Id, d.Title, d.Description, d.Terms, d.RegistrationDeadline, d.MaxSlotsPerSupplier, d.Published, d.CreatedAt, d.Version);
}

// A published answer as suppliers and the public see it: never who asked.
internal sealed record PublicAnswer(Guid Id, string Question, string Answer, DateTimeOffset PublishedAt);

internal sealed record PublicDialogueView(
    Guid Id, string Title, string? Description, string Terms, DateTimeOffset RegistrationDeadline, bool RegistrationOpen, IReadOnlyList<PublicAnswer> Answers);

[JsonConverter(typeof(JsonStringEnumConverter<SlotState>))]
internal enum SlotState
{
    Free,
    Mine,
    Taken,
}

// A slot as a supplier sees it: the same for every supplier, except whether it is theirs. The video link is sent
// only to the supplier who booked the slot.
internal sealed record SupplierSlotView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, string? Place, string? VideoLink, SlotState State);

internal sealed record OwnQuestion(Guid Id, string Question, DateTimeOffset AskedAt, bool Published);

internal sealed record SupplierPageView(
    PublicDialogueView Dialogue, Guid SupplierId, string OrganisationName, string OrganisationNumber, DateTimeOffset RegisteredAt,
    int MaxSlots, int Booked, IReadOnlyList<SupplierSlotView> Slots, IReadOnlyList<OwnQuestion> Questions);

internal sealed record SupplierView(
    Guid Id, string OrganisationName, string OrganisationNumber, string ContactName, string Email, DateTimeOffset RegisteredAt, int Bookings);

internal sealed record SlotView(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, string? Place, string? VideoLink, DateTimeOffset OfferedAt,
    Guid? SupplierId, string? SupplierName, DateTimeOffset? BookedAt, bool Held, long Version);

internal sealed record InformationView(
    Guid Id, Guid SlotId, Guid SupplierId, string Text, string? DocumentReference, DateTimeOffset GivenAt, string RecordedBy, Guid? PublishedQuestionId);

// A question as coordinators see it, with who asked (for the report; never shown to suppliers or the public).
internal sealed record QuestionAdminView(
    Guid Id, string Question, string? Answer, DateTimeOffset AskedAt, DateTimeOffset? PublishedAt, Guid? SupplierId, string? AskedBy,
    Guid? SourceInformationId, long Version);

// Everything a coordinator manages on one page.
internal sealed record DialogueAdminView(
    DialogueView Dialogue, IReadOnlyList<SupplierView> Suppliers, IReadOnlyList<SlotView> Slots, IReadOnlyList<InformationView> Information,
    IReadOnlyList<QuestionAdminView> Questions);

internal sealed record RegistrationReceipt(Guid SupplierId, Guid DialogueId, string OrganisationName, string OrganisationNumber, DateTimeOffset RegisteredAt, string Token);

internal static class DialogueViewMaps
{
    public static SupplierView ToView(this DialogueSupplier s) => new(s.Id, s.OrganisationName, s.OrganisationNumber, s.ContactName, s.Email, s.RegisteredAt, s.Bookings);

    public static SlotView ToView(this DialogueSlot s, string? supplierName) =>
        new(s.Id, s.StartsAt, s.StartsAt.AddMinutes(s.DurationMinutes), s.DurationMinutes, s.Place, s.VideoLink, s.OfferedAt, s.SupplierId, supplierName, s.BookedAt, s.Held, s.Version);

    public static InformationView ToView(this DialogueInformation i) =>
        new(i.Id, i.SlotId, i.SupplierId, i.Text, i.DocumentReference, i.GivenAt, i.RecordedBy, i.PublishedQuestionId);

    public static SupplierSlotView ForSupplier(this DialogueSlot s, Guid supplierId)
    {
        var state = s.SupplierId is null ? SlotState.Free : s.SupplierId == supplierId ? SlotState.Mine : SlotState.Taken;
        return new(s.Id, s.StartsAt, s.StartsAt.AddMinutes(s.DurationMinutes), s.DurationMinutes, s.Place, state == SlotState.Mine ? s.VideoLink : null, state);
    }
}
