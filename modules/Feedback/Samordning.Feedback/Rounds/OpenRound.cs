using Samordning.Feedback.Data;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Rounds;

internal sealed record OpenRoundRequest(
    string? Title,
    string? Description,
    IReadOnlyList<Audience>? Audience,
    IReadOnlyList<string>? Questions,
    DateTimeOffset? OpensAt,
    DateTimeOffset? Deadline,
    bool IsPublic,
    int? RetentionMonths);

internal sealed record RoundDetails(
    Guid Id,
    string Title,
    string? Description,
    Audience Audience,
    IReadOnlyList<QuestionDetails> Questions,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    bool IsPublic,
    int RetentionMonths,
    long Version)
{
    public static RoundDetails From(InputRound round) => new(
        round.Id, round.Title, round.Description, round.Audience,
        [.. round.Questions.OrderBy(q => q.Order).Select(q => new QuestionDetails(q.Id, q.Text))],
        round.OpensAt, round.Deadline, round.IsPublic, round.RetentionMonths, round.Version);

    // Open from the opening time up to and including the deadline's second; closed after it, whatever the browser
    // says. Measured as a difference, which cannot overflow even for a deadline stored at the calendar's end.
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now - Deadline < TimeSpan.FromSeconds(1);
}

internal sealed record QuestionDetails(long Id, string Text);

internal sealed class OpenRound : IEndpoint
{
    public const int MaxQuestions = 20;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/feedback/rounds", async (OpenRoundRequest request, FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, user, clock, outbox, request, ct)).ToCreated(r => $"/api/feedback/rounds/{r.Id}"))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Input rounds")
            .WithSummary("Opens an input round (coordinators): audience, questions, opening time and deadline, public or by invitation, retention.");

        api.MapGet("/feedback/rounds", async (FeedbackDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, ct)))
            .WithTags("Input rounds")
            .WithSummary("Input rounds, newest deadline first.");

        api.MapGet("/feedback/rounds/{id:guid}", async Task<Results<Ok<RoundDetails>, ProblemHttpResult>> (Guid id, FeedbackDbContext db, CancellationToken ct) =>
                await GetAsync(db, id, ct) is { } round ? TypedResults.Ok(round) : Problems.NotFound())
            .WithTags("Input rounds")
            .WithSummary("One input round with its questions.");
    }

    public static async Task<List<RoundDetails>> ListAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Rounds.AsNoTracking().Include(r => r.Questions).OrderByDescending(r => r.Deadline).ToListAsync(cancellationToken)).Select(RoundDetails.From)];

    public static async Task<RoundDetails?> GetAsync(FeedbackDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rounds.AsNoTracking().Include(r => r.Questions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } round
            ? RoundDetails.From(round)
            : null;

    public static async Task<Outcome<RoundDetails>> HandleAsync(
        FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox, OpenRoundRequest request, CancellationToken cancellationToken)
    {
        var questions = (request.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).ToList();
        var errors = new FieldErrors()
            .Required(nameof(request.Title), request.Title, new("Tittel", "Title"), 200)
            .MaxLength(nameof(request.Description), request.Description, new("Beskrivelse", "Description"), 4000);
        if (request.Audience is not { Count: > 0 })
        {
            errors.Add(nameof(request.Audience), new("Velg minst én målgruppe.", "Choose at least one audience."));
        }

        if (questions.Count > MaxQuestions)
        {
            errors.Add(nameof(request.Questions), new($"Runden kan ha høyst {MaxQuestions} spørsmål.", $"The round can have at most {MaxQuestions} questions."));
        }

        foreach (var question in questions)
        {
            errors.MaxLength(nameof(request.Questions), question, new("Et spørsmål", "A question"), 1000);
        }

        var opensAt = request.OpensAt ?? clock.UtcNow;
        errors.InDateRange(nameof(request.OpensAt), request.OpensAt, new("Åpningstidspunktet", "The opening time"))
            .InDateRange(nameof(request.Deadline), request.Deadline, new("Fristen", "The deadline"));
        if (request.Deadline is not { } deadline)
        {
            errors.Add(nameof(request.Deadline), new("Fristen må fylles ut.", "The deadline is required."));
        }
        else if (errors.Has(nameof(request.Deadline)))
        {
            // Out of range: the comparisons below would only add noise.
        }
        else if (deadline <= clock.UtcNow)
        {
            errors.Add(nameof(request.Deadline), new("Fristen må være fram i tid.", "The deadline must be in the future."));
        }
        else if (deadline <= opensAt)
        {
            errors.Add(nameof(request.Deadline), new("Fristen må være etter åpningstidspunktet.", "The deadline must be after the opening time."));
        }

        if (request.RetentionMonths is not (>= 1 and <= 120))
        {
            errors.Add(nameof(request.RetentionMonths), new("Lagringstiden må være mellom 1 og 120 måneder.", "The retention period must be between 1 and 120 months."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<RoundDetails>(errors);
        }

        var round = new InputRound
        {
            Title = request.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Audience = request.Audience!.Aggregate(Audience.None, (all, one) => all | one),
            OpensAt = opensAt,
            Deadline = request.Deadline!.Value,
            IsPublic = request.IsPublic,
            RetentionMonths = request.RetentionMonths!.Value,
            CreatedAt = clock.UtcNow,
            CreatedBy = user.DisplayName,
        };
        round.Questions.AddRange(questions.Select((text, i) => new RoundQuestion { Order = i, Text = text }));
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
        return Outcome.Ok(RoundDetails.From(round));
    }
}
