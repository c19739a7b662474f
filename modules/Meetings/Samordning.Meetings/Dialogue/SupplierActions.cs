using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Dialogue;

// What a registered supplier does through its private link: read the slots and the published answers, book and
// cancel, ask. The token is the only key (no sign-in); a token that finds no supplier is 404, as is one of another
// shape, so a guess learns nothing.
internal sealed class SupplierActions : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues/supplier/{token}").WithTags("Supplier dialogue")
            .AllowAnonymous().RequireRateLimiting("public").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapGet("", async Task<Results<Ok<SupplierPageView>, ProblemHttpResult>> (string token, MeetingServices deps, CancellationToken ct) =>
                await GetAsync(deps, token, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound())
            .WithSummary("The supplier's page: the slots offered (free, theirs, taken), their questions and the published answers.");

        group.MapPost("/slots/{slotId:guid}/booking", async (string token, Guid slotId, MeetingServices deps, CancellationToken ct) =>
                await FindAsync(deps.Db, token, ct) is { } supplier ? (await DialogueSlots.BookAsync(deps, supplier.Id, slotId, ct)).ToOk() : Problems.NotFound())
            .WithSummary("Books a free slot, first come first served: a slot someone else got first, or one past the supplier's limit, gets 409.");

        group.MapDelete("/slots/{slotId:guid}/booking", async (string token, Guid slotId, MeetingServices deps, CancellationToken ct) =>
                await FindAsync(deps.Db, token, ct) is { } supplier ? (await DialogueSlots.CancelAsync(deps, supplier.DialogueId, slotId, supplier.Id, ct)).ToOk() : Problems.NotFound())
            .WithSummary("Cancels the supplier's own booking; the slot is free again for all.");

        group.MapPost("/questions", async (string token, SupplierQuestionRequest request, MeetingServices deps, CancellationToken ct) =>
                await FindAsync(deps.Db, token, ct) is { } supplier
                    ? (await AskAsync(deps, supplier, request, ct)).ToCreated(q => $"/api/meetings/dialogues/supplier/{token}")
                    : Problems.NotFound())
            .WithSummary("Asks KMD a question. The answer, once published, is shown to every supplier and the public without the asker's name.");
    }

    public static async Task<DialogueSupplier?> FindAsync(MeetingsDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token!);
        return await db.DialogueSuppliers.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
    }

    public static async Task<SupplierPageView?> GetAsync(MeetingServices deps, string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(deps.Db, token, cancellationToken) is not { } supplier)
        {
            return null;
        }

        var dialogue = await deps.Db.SupplierDialogues.AsNoTracking().FirstAsync(d => d.Id == supplier.DialogueId, cancellationToken);
        var now = deps.Clock.UtcNow;

        // Every slot still to come, free or not, and the supplier's own also after it has passed: the same list
        // for every supplier, registered early or late.
        var slots = (await deps.Db.DialogueSlots.AsNoTracking().Where(s => s.DialogueId == dialogue.Id).ToListAsync(cancellationToken))
            .Where(s => s.StartsAt > now || s.SupplierId == supplier.Id)
            .OrderBy(s => s.StartsAt)
            .Select(s => s.ForSupplier(supplier.Id))
            .ToList();
        var questions = (await deps.Db.DialogueQuestions.AsNoTracking().Where(q => q.SupplierId == supplier.Id).ToListAsync(cancellationToken))
            .OrderByDescending(q => q.AskedAt)
            .Select(q => new OwnQuestion(q.Id, q.Question, q.AskedAt, q.PublishedAt is not null))
            .ToList();
        return new(
            await PublicDialogue.ViewAsync(deps.Db, dialogue, now, cancellationToken),
            supplier.Id, supplier.OrganisationName, supplier.OrganisationNumber, supplier.RegisteredAt,
            dialogue.MaxSlotsPerSupplier, slots.Count(s => s.State == SlotState.Mine), slots, questions);
    }

    public static async Task<Outcome<OwnQuestion>> AskAsync(MeetingServices deps, DialogueSupplier supplier, SupplierQuestionRequest request, CancellationToken cancellationToken)
    {
        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<OwnQuestion>(errors);
        }

        var question = new DialogueQuestion
        {
            DialogueId = supplier.DialogueId,
            SupplierId = supplier.Id,
            Question = request.Question!.Trim(),
            AskedAt = deps.Clock.UtcNow,
        };
        deps.Db.DialogueQuestions.Add(question);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new OwnQuestion(question.Id, question.Question, question.AskedAt, false));
    }
}
