using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Questions;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Dialogue;

// The public side of a published dialogue: its page (terms and the published answers) and the registration of an
// interested supplier, which returns the private link once. No sign-in, rate limited, bounded bodies.
internal sealed class PublicDialogue : IEndpoint
{
    public static readonly LocalizedText AlreadyRegistered = new(
        "Dette organisasjonsnummeret er allerede påmeldt dialogen. Bruk lenken i kvitteringen dere fikk, eller kontakt KMD.",
        "This organisation number is already registered for the dialogue. Use the link in the receipt you got, or contact KMD.");

    public static readonly LocalizedText RegistrationClosed = new("Påmeldingen til dialogen er stengt.", "Registration for the dialogue is closed.");

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues/{id:guid}").WithTags("Supplier dialogue")
            .AllowAnonymous().RequireRateLimiting("public").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapGet("/public", async Task<Results<Ok<PublicDialogueView>, ProblemHttpResult>> (Guid id, MeetingsDbContext db, Samordning.Shared.Time.IClock clock, CancellationToken ct) =>
                await GetAsync(db, id, clock.UtcNow, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound())
            .WithSummary("A published dialogue: its terms, whether registration is open, and the published answers (anyone).");

        group.MapPost("/suppliers", async (Guid id, SupplierRegistrationRequest request, MeetingServices deps, CancellationToken ct) =>
            {
                var result = await RegisterAsync(deps, id, request, ct);
                return result.Outcome.Kind == OutcomeKind.Ok ? result.ToCreated(r => $"/api/meetings/dialogues/supplier/{r.Token}") : result.ToOk();
            })
            .WithSummary("Registers an interested supplier (anyone, before the deadline); the answer holds the private link's token, shown once. One registration per organisation number: a second gets 409.");
    }

    public static async Task<PublicDialogueView?> GetAsync(MeetingsDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialogue = await db.SupplierDialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Published, cancellationToken);
        return dialogue is null ? null : await ViewAsync(db, dialogue, now, cancellationToken);
    }

    public static async Task<PublicDialogueView> ViewAsync(MeetingsDbContext db, SupplierDialogue dialogue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answers = (await db.DialogueQuestions.AsNoTracking()
                .Where(q => q.DialogueId == dialogue.Id && q.PublishedAt != null && q.Answer != null)
                .Select(q => new PublicAnswer(q.Id, q.Question, q.Answer!, q.PublishedAt!.Value))
                .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.PublishedAt)
            .ToList();
        return new(dialogue.Id, dialogue.Title, dialogue.Description, dialogue.Terms, dialogue.RegistrationDeadline, DialogueRules.RegistrationOpen(dialogue, now), answers);
    }

    public static async Task<AudienceOutcome<RegistrationReceipt>> RegisterAsync(MeetingServices deps, Guid id, SupplierRegistrationRequest request, CancellationToken cancellationToken)
    {
        var dialogue = await deps.Db.SupplierDialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Published, cancellationToken);
        if (dialogue is null)
        {
            return AudienceOutcome<RegistrationReceipt>.NotFound();
        }

        var now = deps.Clock.UtcNow;
        if (!DialogueRules.RegistrationOpen(dialogue, now))
        {
            return AudienceOutcome<RegistrationReceipt>.Refused(RegistrationClosed);
        }

        if (DialogueRules.Validate(request) is { Any: true } errors)
        {
            return Outcome.Invalid<RegistrationReceipt>(errors);
        }

        var number = OrganisationNumber.Normalize(request.OrganisationNumber!);
        var duplicate = AudienceOutcome<RegistrationReceipt>.Conflict(null!, AlreadyRegistered);
        if (await deps.Db.DialogueSuppliers.AnyAsync(s => s.DialogueId == id && s.OrganisationNumber == number, cancellationToken))
        {
            return duplicate;
        }

        var token = SecretTokens.New();
        var supplier = new DialogueSupplier
        {
            DialogueId = id,
            OrganisationName = request.OrganisationName!.Trim(),
            OrganisationNumber = number,
            ContactName = request.ContactName!.Trim(),
            Email = request.Email!.Trim(),
            TokenHash = SecretTokens.Hash(token),
            RegisteredAt = now,
        };
        deps.Db.DialogueSuppliers.Add(supplier);
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two registrations of one number at once: the unique index lets one in.
            deps.Db.ChangeTracker.Clear();
            return duplicate;
        }

        return Outcome.Ok(new RegistrationReceipt(supplier.Id, id, supplier.OrganisationName, supplier.OrganisationNumber, now, token));
    }
}
