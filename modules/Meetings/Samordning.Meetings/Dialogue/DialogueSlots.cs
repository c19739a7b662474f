using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Questions;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Dialogue;

// Coordinators offer one-to-one slots (to every registered supplier at once: a slot is one row all of them read),
// mark them held, and cancel a booking. Suppliers book and cancel through their private link (SupplierActions).
internal sealed class DialogueSlots : IEndpoint
{
    public static readonly LocalizedText SlotTaken = new(
        "Tidspunktet er allerede booket av en annen leverandør. Velg et annet ledig tidspunkt.",
        "The slot has already been booked by another supplier. Choose another free slot.");

    public static readonly LocalizedText LimitReached = new(
        "Dere har allerede booket så mange tidspunkter som dialogen tillater. Avbestill først hvis dere vil bytte.",
        "You have already booked as many slots as the dialogue allows. Cancel first if you want to change.");

    public static readonly LocalizedText SlotPassed = new("Tidspunktet har vært.", "The slot has passed.");

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues/{id:guid}/slots").WithTags("Supplier dialogue").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapPost("", async (Guid id, SlotRequest request, MeetingServices deps, CancellationToken ct) =>
                (await AddAsync(deps, id, request, ct)).ToCreated(s => $"/api/meetings/dialogues/{id}/slots/{s.Id}"))
            .WithSummary("Offers a one-to-one slot to every registered supplier, now and later registered alike (coordinators).");

        group.MapPut("/{slotId:guid}/held", async (Guid id, Guid slotId, HeldRequest request, MeetingServices deps, CancellationToken ct) =>
                (await MarkHeldAsync(deps, id, slotId, request.Held, ct)).ToOk())
            .WithSummary("Marks whether a booked one-to-one meeting was held (coordinators).");

        group.MapDelete("/{slotId:guid}/booking", async (Guid id, Guid slotId, MeetingServices deps, CancellationToken ct) =>
                (await CancelAsync(deps, id, slotId, null, ct)).ToOk())
            .WithSummary("Cancels a booking, freeing the slot for every supplier (coordinators).");
    }

    public static async Task<Outcome<SlotView>> AddAsync(MeetingServices deps, Guid dialogueId, SlotRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<SlotView>();
        }

        if (!await deps.Db.SupplierDialogues.AnyAsync(d => d.Id == dialogueId, cancellationToken))
        {
            return Outcome.NotFound<SlotView>();
        }

        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<SlotView>(errors);
        }

        var slot = new DialogueSlot
        {
            DialogueId = dialogueId,
            StartsAt = request.StartsAt!.Value.ToUniversalTime(),
            DurationMinutes = request.DurationMinutes!.Value,
            Place = DialogueRules.Trimmed(request.Place),
            VideoLink = DialogueRules.Trimmed(request.VideoLink),
            OfferedAt = deps.Clock.UtcNow,
        };
        deps.Db.DialogueSlots.Add(slot);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(slot.ToView(null));
    }

    public static async Task<Outcome<SlotView>> MarkHeldAsync(MeetingServices deps, Guid dialogueId, Guid slotId, bool held, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<SlotView>();
        }

        var slot = await deps.Db.DialogueSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.DialogueId == dialogueId, cancellationToken);
        if (slot is null)
        {
            return Outcome.NotFound<SlotView>();
        }

        if (held && slot.SupplierId is null)
        {
            return Outcome.Invalid<SlotView>(new FieldErrors().Add("Held", new("Bare et booket tidspunkt kan markeres som holdt.", "Only a booked slot can be marked as held.")));
        }

        slot.Held = held;
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(slot.ToView(null));
    }

    // Books a free slot for a supplier: first come, first served. The slot and the supplier are saved under their
    // versions, so of two bookings at once of the same slot (or by the same supplier past its limit) one saves and
    // the other reads again and is refused.
    public static async Task<AudienceOutcome<SupplierSlotView>> BookAsync(MeetingServices deps, Guid supplierId, Guid slotId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < AudienceSave.Attempts; attempt++)
        {
            var supplier = await deps.Db.DialogueSuppliers.FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken);
            var slot = supplier is null ? null : await deps.Db.DialogueSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.DialogueId == supplier.DialogueId, cancellationToken);
            if (supplier is null || slot is null)
            {
                return AudienceOutcome<SupplierSlotView>.NotFound();
            }

            if (slot.SupplierId == supplier.Id)
            {
                return Outcome.Ok(slot.ForSupplier(supplier.Id));
            }

            var now = deps.Clock.UtcNow;
            if (slot.StartsAt <= now)
            {
                return AudienceOutcome<SupplierSlotView>.Conflict(slot.ForSupplier(supplier.Id), SlotPassed);
            }

            if (slot.SupplierId is not null)
            {
                return AudienceOutcome<SupplierSlotView>.Conflict(slot.ForSupplier(supplier.Id), SlotTaken);
            }

            var max = await deps.Db.SupplierDialogues.Where(d => d.Id == supplier.DialogueId).Select(d => d.MaxSlotsPerSupplier).FirstAsync(cancellationToken);
            if (supplier.Bookings >= max)
            {
                return AudienceOutcome<SupplierSlotView>.Conflict(slot.ForSupplier(supplier.Id), LimitReached);
            }

            slot.SupplierId = supplier.Id;
            slot.BookedAt = now;
            supplier.Bookings++;
            if (await AudienceSave.TrySaveAsync(deps, cancellationToken))
            {
                return Outcome.Ok(slot.ForSupplier(supplier.Id));
            }
        }

        throw new InvalidOperationException($"Slot {slotId} kept changing; gave up after {AudienceSave.Attempts} attempts.");
    }

    // Cancels a booking: by the supplier who holds it (supplierId) or by a coordinator (null). The slot is free
    // again, for every supplier on the same terms.
    public static async Task<AudienceOutcome<SlotView>> CancelAsync(MeetingServices deps, Guid dialogueId, Guid slotId, Guid? supplierId, CancellationToken cancellationToken)
    {
        if (supplierId is null && !DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<SlotView>();
        }

        for (var attempt = 0; attempt < AudienceSave.Attempts; attempt++)
        {
            var slot = await deps.Db.DialogueSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.DialogueId == dialogueId, cancellationToken);
            if (slot is null || (supplierId is not null && slot.SupplierId != supplierId))
            {
                return AudienceOutcome<SlotView>.NotFound();
            }

            if (slot.SupplierId is not { } holder)
            {
                return Outcome.Ok(slot.ToView(null));
            }

            if (slot.Held)
            {
                return AudienceOutcome<SlotView>.Conflict(slot.ToView(null), new("Møtet er holdt og kan ikke avbestilles.", "The meeting has been held and cannot be cancelled."));
            }

            if (await deps.Db.DialogueSuppliers.FirstOrDefaultAsync(s => s.Id == holder, cancellationToken) is { } supplier)
            {
                supplier.Bookings = Math.Max(0, supplier.Bookings - 1);
            }

            slot.SupplierId = null;
            slot.BookedAt = null;
            if (await AudienceSave.TrySaveAsync(deps, cancellationToken))
            {
                return Outcome.Ok(slot.ToView(null));
            }
        }

        throw new InvalidOperationException($"Slot {slotId} kept changing; gave up after {AudienceSave.Attempts} attempts.");
    }
}
