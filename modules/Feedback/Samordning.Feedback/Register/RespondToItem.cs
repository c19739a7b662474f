using System.Globalization;
using Samordning.Feedback.Data;
using Samordning.Feedback.Privacy;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Register;

// "You said, we did" (issue 18, point 2): KMD's structured response to one input item.
internal sealed record ResponseRequest(string? Summary, ResponseOutcome? Outcome, int? Chapter, string? Text, bool Published, long? Version);

internal sealed record ResponseDetails(
    Guid ItemId, string Summary, ResponseOutcome Outcome, int? Chapter, string? Text, bool Published, DateTimeOffset? PublishedAt,
    DateTimeOffset? NotifiedAt, DateTimeOffset UpdatedAt, string UpdatedBy, long Version)
{
    public static ResponseDetails From(FeedbackResponse r) =>
        new(r.Id, r.Summary, r.Outcome, r.Chapter, r.Text, r.Published, r.PublishedAt, r.NotifiedAt, r.UpdatedAt, r.UpdatedBy, r.Version);
}

internal sealed class RespondToItem : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/feedback/items/{id:guid}/response", async Task<Results<Ok<ResponseDetails>, ProblemHttpResult>> (Guid id, FeedbackDbContext db, CancellationToken ct) =>
                await db.Responses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } response ? TypedResults.Ok(ResponseDetails.From(response)) : Problems.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Feedback register")
            .WithSummary("KMD's response to an item, published or not (coordinators).");

        api.MapPut("/feedback/items/{id:guid}/response", async (Guid id, ResponseRequest request, HttpRequest http, FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, user, clock, outbox, $"{http.Scheme}://{http.Host}", id, request, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Feedback register")
            .WithSummary("Writes KMD's response to an item (coordinators): a summary of what was proposed, the outcome (used in a chapter, not used, answered, other) with its text, and whether it is published. The first response needs no version; after that send the version you read, a stale one gets 409. The contributor is mailed once, the first time it is published.");
    }

    public static async Task<Outcome<ResponseDetails>> HandleAsync(
        FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox, string baseUrl, Guid id, ResponseRequest request, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(user.Principal))
        {
            return Outcome.Forbidden<ResponseDetails>();
        }

        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<ResponseDetails>();
        }

        var errors = Validate(request, item);
        if (errors.Any)
        {
            return Outcome.Invalid<ResponseDetails>(errors);
        }

        var now = clock.UtcNow;
        var response = await db.Responses.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        Outcome<ResponseDetails> outcome;
        if (response is null)
        {
            // The first response: two coordinators writing it at once meet at the primary key, and the second gets 409.
            response = new FeedbackResponse { Id = id, Summary = "", UpdatedBy = user.DisplayName };
            Apply(db, response, item, request, user, now, baseUrl);
            db.Responses.Add(response);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                outcome = Outcome.Ok(ResponseDetails.From(response));
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                db.ChangeTracker.Clear();
                var current = await db.Responses.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
                return Outcome.Conflict(ResponseDetails.From(current));
            }
        }
        else if (request.Version is null)
        {
            // Written as a first response, but someone else's was saved first: theirs is not overwritten.
            return Outcome.Conflict(ResponseDetails.From(response));
        }
        else
        {
            outcome = await Concurrency.SaveAsync(db, response, request.Version, () => Apply(db, response, item, request, user, now, baseUrl), ResponseDetails.From, cancellationToken);
        }

        if (outcome.Kind == OutcomeKind.Ok)
        {
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return outcome;
    }

    // Published responses are public, so only input the public may know of can have one; every field is named.
    private static FieldErrors Validate(ResponseRequest request, FeedbackItem item)
    {
        var errors = new FieldErrors()
            .Required(nameof(request.Summary), request.Summary, new("Hva innspillet foreslo", "What the input proposed"), 2000)
            .MaxLength(nameof(request.Text), request.Text, new("Hva KMD gjorde", "What KMD did"), 4000);
        if (request.Outcome is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(request.Outcome), new("Velg hva KMD gjorde med innspillet.", "Choose what KMD did with the input."));
        }
        else if (kind == ResponseOutcome.UsedInChapter && request.Chapter is not (>= 1 and <= 99))
        {
            errors.Add(nameof(request.Chapter), new("Oppgi kapittelet innspillet er brukt i (1–99).", "Give the chapter the input is used in (1–99)."));
        }
        else if (kind != ResponseOutcome.UsedInChapter && string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add(nameof(request.Text), kind == ResponseOutcome.NotUsed
                ? new("Skriv hvorfor innspillet ikke er brukt.", "Write why the input was not used.")
                : new("Skriv hva KMD svarte eller gjorde.", "Write what KMD answered or did."));
        }

        if (request.Published && item.Exempt)
        {
            errors.Add(nameof(request.Published), new("Svaret på et innspill som er unntatt offentlighet, kan ikke publiseres.", "The response to input exempt from public access cannot be published."));
        }

        return errors;
    }

    private static void Apply(FeedbackDbContext db, FeedbackResponse response, FeedbackItem item, ResponseRequest request, ICurrentUser user, DateTimeOffset now, string baseUrl)
    {
        response.Summary = request.Summary!.Trim();
        response.Outcome = request.Outcome!.Value;
        response.Chapter = response.Outcome == ResponseOutcome.UsedInChapter ? request.Chapter : null;
        response.Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        if (request.Published && !response.Published)
        {
            response.PublishedAt = now;
        }

        response.Published = request.Published;
        response.UpdatedAt = now;
        response.UpdatedBy = user.DisplayName;

        // Once per item, ever: the mark commits with the outbox row in this save, and the save is guarded by the
        // version (or, for the first response, the key), so two coordinators publishing at once send one mail; the
        // Notifications module also queues a key only once.
        if (response.Published && response.NotifiedAt is null && item.ContributorEmail is { } email)
        {
            response.NotifiedAt = now;
            db.StageEvent(new MailRequested(ResponseMail(item, response, email, baseUrl)));
        }
    }

    // Beside the input on its round's public page when the input itself is public, else on the process page.
    public static string PublicHref(FeedbackItem item) =>
        item.RoundId is { } round && item.Published && item.ConsentToPublish && !item.Exempt
            ? $"/innspill/{round}/mottatt#svar-{item.Reference}"
            : $"/prosess#response-{item.Id}";

    private static OutgoingMail ResponseMail(FeedbackItem item, FeedbackResponse response, string email, string baseUrl)
    {
        var culture = Localized.CultureOf(item.Language);
        var url = $"{baseUrl}{PublicHref(item)}";
        var did = ResponseTexts.Outcome(response).In(culture);
        var subject = new LocalizedText($"Svar på innspillet ditt {item.Reference}", $"Response to your input {item.Reference}").In(culture);
        var body = new LocalizedText(
            $"Kommunal- og moderniseringsdepartementet har publisert hva vi gjorde med innspillet ditt ({item.Reference}).\n\nDu foreslo: {response.Summary}\n\nDette gjorde vi: {did}\n\nLes svaret: {url}",
            $"The Ministry of Local Government and Modernisation has published what we did with your input ({item.Reference}).\n\nYou proposed: {response.Summary}\n\nWhat we did: {did}\n\nRead the response: {url}").In(culture);
        return new OutgoingMail(Contributors.ResponseKey(item.Id), email, item.ContributorName, subject, body);
    }
}

// The outcome in words, with KMD's text after it.
internal static class ResponseTexts
{
    public static LocalizedText Outcome(FeedbackResponse response) => Outcome(response.Outcome, response.Chapter, response.Text);

    public static LocalizedText Outcome(ResponseOutcome outcome, int? chapter, string? text)
    {
        var kind = Kind(outcome, chapter);
        return text is null
            ? kind
            : new LocalizedText(string.Concat(kind.Nb, " ", text), string.Concat(kind.En, " ", text)) { Nn = string.Concat(kind.In(CultureInfo.GetCultureInfo("nn-NO")), " ", text) };
    }

    public static LocalizedText Kind(ResponseOutcome outcome, int? chapter) => outcome switch
    {
        ResponseOutcome.UsedInChapter => new($"Brukt i kapittel {chapter}.", $"Used in chapter {chapter}."),
        ResponseOutcome.NotUsed => new("Ikke brukt:", "Not used:"),
        ResponseOutcome.Answered => new("Besvart:", "Answered:"),
        _ => new("Annet:", "Other:"),
    };

    public static LocalizedText OutcomeName(ResponseOutcome outcome) => outcome switch
    {
        ResponseOutcome.UsedInChapter => new("Brukt i et kapittel", "Used in a chapter"),
        ResponseOutcome.NotUsed => new("Ikke brukt", "Not used"),
        ResponseOutcome.Answered => new("Besvart", "Answered"),
        _ => new("Annet", "Other"),
    };
}
