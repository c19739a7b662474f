using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Dialogue;

// Coordinators create, edit and read supplier dialogues. Everything here is for coordinators only; suppliers act
// through their private link (SupplierActions) and the public through the published page (Registration).
internal sealed class ManageDialogues : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues").WithTags("Supplier dialogue").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapGet("", async Task<Results<Ok<IReadOnlyList<DialogueView>>, ProblemHttpResult>> (MeetingServices deps, CancellationToken ct) =>
                await ListAsync(deps, ct) is { } list ? TypedResults.Ok(list) : Problems.Forbidden())
            .WithSummary("The supplier dialogues, newest first (coordinators).");

        group.MapPost("", async (DialogueRequest request, MeetingServices deps, CancellationToken ct) =>
                (await CreateAsync(deps, request, ct)).ToCreated(d => $"/api/meetings/dialogues/{d.Id}"))
            .WithSummary("Creates a supplier dialogue: title, description, terms, registration deadline, slots per supplier (coordinators).");

        group.MapGet("/{id:guid}", async (Guid id, MeetingServices deps, CancellationToken ct) =>
                (await GetAsync(deps, id, ct)).ToOk())
            .WithSummary("A dialogue with its suppliers, slots, information log and questions (coordinators).");

        group.MapPut("/{id:guid}", async (Guid id, DialogueRequest request, MeetingServices deps, CancellationToken ct) =>
                (await UpdateAsync(deps, id, request, ct)).ToOk())
            .WithSummary("Changes a dialogue; a stale version gets 409 with the current state (coordinators).");
    }

    public static async Task<IReadOnlyList<DialogueView>?> ListAsync(MeetingServices deps, CancellationToken cancellationToken) =>
        !DialogueRules.CanManage(deps.User.Principal)
            ? null
            : (await deps.Db.SupplierDialogues.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(d => d.CreatedAt).Select(DialogueView.From).ToList();

    public static async Task<Outcome<DialogueView>> CreateAsync(MeetingServices deps, DialogueRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<DialogueView>();
        }

        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<DialogueView>(errors);
        }

        var now = deps.Clock.UtcNow;
        var dialogue = new SupplierDialogue
        {
            Title = request.Title!.Trim(),
            Terms = request.Terms!.Trim(),
            CreatedAt = now,
        };
        Apply(dialogue, request, now);
        deps.Db.SupplierDialogues.Add(dialogue);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(DialogueView.From(dialogue));
    }

    public static async Task<Outcome<DialogueView>> UpdateAsync(MeetingServices deps, Guid id, DialogueRequest request, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<DialogueView>();
        }

        var dialogue = await deps.Db.SupplierDialogues.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dialogue is null)
        {
            return Outcome.NotFound<DialogueView>();
        }

        var errors = DialogueRules.Validate(request);
        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), new("Versjon mangler.", "Version is missing."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<DialogueView>(errors);
        }

        if (request.Version != dialogue.Version)
        {
            return Outcome.Conflict(DialogueView.From(dialogue));
        }

        Apply(dialogue, request, deps.Clock.UtcNow);
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            deps.Db.ChangeTracker.Clear();
            return Outcome.Conflict(DialogueView.From(await deps.Db.SupplierDialogues.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken)));
        }

        return Outcome.Ok(DialogueView.From(dialogue));
    }

    public static async Task<Outcome<DialogueAdminView>> GetAsync(MeetingServices deps, Guid id, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<DialogueAdminView>();
        }

        var dialogue = await deps.Db.SupplierDialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dialogue is null)
        {
            return Outcome.NotFound<DialogueAdminView>();
        }

        var suppliers = await deps.Db.DialogueSuppliers.AsNoTracking().Where(s => s.DialogueId == id).ToListAsync(cancellationToken);
        var names = suppliers.ToDictionary(s => s.Id, s => s.OrganisationName);
        var slots = await deps.Db.DialogueSlots.AsNoTracking().Where(s => s.DialogueId == id).ToListAsync(cancellationToken);
        var information = await deps.Db.DialogueInformation.AsNoTracking().Where(i => i.DialogueId == id).ToListAsync(cancellationToken);
        var questions = await deps.Db.DialogueQuestions.AsNoTracking().Where(q => q.DialogueId == id).ToListAsync(cancellationToken);
        return Outcome.Ok(new DialogueAdminView(
            DialogueView.From(dialogue),
            [.. suppliers.OrderBy(s => s.RegisteredAt).Select(s => s.ToView())],
            [.. slots.OrderBy(s => s.StartsAt).Select(s => s.ToView(s.SupplierId is { } sid ? names.GetValueOrDefault(sid) : null))],
            [.. information.OrderBy(i => i.GivenAt).Select(i => i.ToView())],
            [.. questions.OrderByDescending(q => q.AskedAt).Select(q => new QuestionAdminView(
                q.Id, q.Question, q.Answer, q.AskedAt, q.PublishedAt, q.SupplierId, q.SupplierId is { } sid ? names.GetValueOrDefault(sid) : null, q.SourceInformationId, q.Version))]));
    }

    private static void Apply(SupplierDialogue dialogue, DialogueRequest request, DateTimeOffset now)
    {
        dialogue.Title = request.Title!.Trim();
        dialogue.Description = DialogueRules.Trimmed(request.Description);
        dialogue.Terms = request.Terms!.Trim();
        dialogue.RegistrationDeadline = request.RegistrationDeadline!.Value;
        dialogue.MaxSlotsPerSupplier = request.MaxSlotsPerSupplier ?? 1;
        dialogue.Published = request.Published;
        dialogue.UpdatedAt = now;
    }
}
