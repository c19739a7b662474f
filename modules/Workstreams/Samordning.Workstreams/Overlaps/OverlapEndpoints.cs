using System.Globalization;
using System.Security.Claims;
using Samordning.Shared.Text;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overlaps;

// The overlap API (issue 17): suggestions for an initiative being written (any registered reader: every initiative
// is readable by them), and for the KMD team the list of likely overlaps and their decisions.
internal sealed class OverlapEndpoints : IEndpoint
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxTagsLength = 1000;
    public const int ListLimit = 200;
    public const int RetryAfterSeconds = 5;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        // While this node builds its overlap index (after it starts; seconds at 50,000 initiatives) both lookups answer
        // 503 with Retry-After and a ProblemDetails, as for any passing unavailability, rather than an empty list a
        // client would take for "no overlaps": a client tries again after that many seconds (the initiative form's
        // script just shows no suggestions meanwhile). Never a wait for the build.
        api.MapGet("/workstreams/initiatives/overlaps/suggest", async Task<Results<Ok<IReadOnlyList<OverlapSuggestion>>, ValidationProblem, ProblemHttpResult>> (
                string? title, string? description, string? tags, Guid? ministry, Guid? exclude, ClaimsPrincipal user, HttpResponse response, WorkstreamsDbContext db, OverlapFinder finder, CancellationToken ct) =>
            {
                if (user.PersonId() is null)
                {
                    return Problems.Forbidden();
                }

                var errors = new FieldErrors()
                    .MaxLength("title", title, new("Tittelen", "The title"), MaxTitleLength)
                    .MaxLength("description", description, new("Beskrivelsen", "The description"), MaxDescriptionLength)
                    .MaxLength("tags", tags, new("Emneordene", "The tags"), MaxTagsLength);
                if (errors.Any)
                {
                    return Problems.Validation(errors);
                }

                return await SuggestAsync(db, finder, title, description, tags, ministry, exclude, ct) is { } found
                    ? TypedResults.Ok(found)
                    : NotReady(response);
            })
            .WithTags("Overlaps")
            .WithSummary("Initiatives of other ministries like the one being written (title, description, comma-separated tags), strongest first, each with why; 503 with Retry-After while the node builds its index.");

        api.MapGet("/workstreams/overlaps", async Task<Results<Ok<IReadOnlyList<OverlapPair>>, ProblemHttpResult>> (
                Guid? ministry, ClaimsPrincipal user, HttpResponse response, OverlapList list, CancellationToken ct) =>
            {
                if (!user.IsInRole(Roles.Coordinator))
                {
                    return Problems.Forbidden();
                }

                return await list.OpenAsync(ministry, ListLimit, wait: false, ct) is { } pairs ? TypedResults.Ok(pairs) : NotReady(response);
            })
            .WithTags("Overlaps")
            .WithSummary("Likely overlaps between ministries' initiatives not yet dismissed or marked as the same work, strongest first (coordinators); 503 with Retry-After while the node builds its index.");

        api.MapPost("/workstreams/overlaps/decisions", async (OverlapDecisionRequest request, WorkstreamsDbContext db, ICurrentUser user, IClock clock, CancellationToken ct) =>
                (await DecideAsync(db, user, clock, request, ct)).ToOk())
            .WithTags("Overlaps")
            .WithSummary("Dismisses a likely overlap or marks it as the same work (coordinators). Send the decision's version, or none for a pair not yet decided; a stale one gets 409 with the current decision.");
    }

    // Null while the index is being built.
    public static async Task<IReadOnlyList<OverlapSuggestion>?> SuggestAsync(
        WorkstreamsDbContext db, OverlapFinder finder, string? title, string? description, string? tags, Guid? ministry, Guid? exclude, CancellationToken cancellationToken)
    {
        var tagList = (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(description) && tagList.Length == 0)
        {
            return [];
        }

        var matches = await finder.SuggestAsync(db, title ?? "", description, tagList, ministry, exclude, cancellationToken);
        return matches?.Select(OverlapSuggestion.From).ToList();
    }

    private static ProblemHttpResult NotReady(HttpResponse response)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Localized.T("Mulige overlapp beregnes ennå.", "Likely overlaps are still being computed."),
            detail: Localized.T("Prøv igjen om noen sekunder.", "Try again in a few seconds."));
    }

    public static async Task<Outcome<OverlapDecisionView>> DecideAsync(
        WorkstreamsDbContext db, ICurrentUser user, IClock clock, OverlapDecisionRequest request, CancellationToken cancellationToken)
    {
        if (!user.Principal.IsInRole(Roles.Coordinator))
        {
            return Outcome.Forbidden<OverlapDecisionView>();
        }

        var errors = new FieldErrors();
        if (request.FirstId is not { } one)
        {
            errors.Add("firstId", new("Velg det første tiltaket.", "Choose the first initiative."));
        }

        if (request.SecondId is not { } other)
        {
            errors.Add("secondId", new("Velg det andre tiltaket.", "Choose the second initiative."));
        }

        if (request.Verdict is null)
        {
            errors.Add("verdict", new("Velg om tiltakene er samme arbeid eller ikke.", "Choose whether the initiatives are the same work or not."));
        }

        if (request.FirstId is { } a && request.SecondId is { } b)
        {
            var ministries = await db.Initiatives.AsNoTracking().Where(i => i.Id == a || i.Id == b)
                .Select(i => new { i.Id, i.OwningMinistryId }).ToListAsync(cancellationToken);
            if (ministries.All(i => i.Id != a))
            {
                errors.Add("firstId", new("Det første tiltaket finnes ikke.", "The first initiative does not exist."));
            }

            if (ministries.All(i => i.Id != b))
            {
                errors.Add("secondId", new("Det andre tiltaket finnes ikke.", "The second initiative does not exist."));
            }
            else if (a == b || ministries.Select(i => i.OwningMinistryId).Distinct().Count() == 1)
            {
                errors.Add("secondId", new("Tiltakene må høre til ulike departementer.", "The initiatives must belong to different ministries."));
            }
        }

        if (errors.Any)
        {
            return Outcome.Invalid<OverlapDecisionView>(errors);
        }

        var (first, second) = request.FirstId!.Value.CompareTo(request.SecondId!.Value) < 0
            ? (request.FirstId.Value, request.SecondId.Value)
            : (request.SecondId.Value, request.FirstId.Value);
        var decision = await db.OverlapDecisions.FirstOrDefaultAsync(d => d.FirstId == first && d.SecondId == second, cancellationToken);
        var now = clock.UtcNow;
        if (decision is null)
        {
            // A pair nobody has decided yet: asking with a version means the person saw a decision that is gone.
            if (request.Version is not null)
            {
                return Outcome.NotFound<OverlapDecisionView>();
            }

            decision = new OverlapDecision { FirstId = first, SecondId = second, Verdict = request.Verdict!.Value, DecidedAt = now, DecidedBy = user.DisplayName };
            db.OverlapDecisions.Add(decision);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Ok(OverlapDecisionView.From(decision));
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                // Someone decided the same pair at the same moment: theirs stands, and this person sees it.
                db.ChangeTracker.Clear();
                var current = await db.OverlapDecisions.AsNoTracking().FirstAsync(d => d.FirstId == first && d.SecondId == second, cancellationToken);
                return Outcome.Conflict(OverlapDecisionView.From(current));
            }
        }

        // Decided before: the person must have seen that decision (its version) to change it.
        if (request.Version is null)
        {
            return Outcome.Conflict(OverlapDecisionView.From(decision));
        }

        return await Concurrency.SaveAsync(
            db,
            decision,
            request.Version,
            () =>
            {
                decision.Verdict = request.Verdict!.Value;
                decision.DecidedAt = now;
                decision.DecidedBy = user.DisplayName;
            },
            OverlapDecisionView.From,
            cancellationToken);
    }
}

// Reasons in the reader's language, ready to show (the form's script shows them as they come).
internal sealed record OverlapSuggestion(Guid Id, string Title, string MinistryCode, double Score, IReadOnlyList<string> Reasons)
{
    public static OverlapSuggestion From(OverlapMatch match) => new(match.Id, match.Title, match.MinistryCode, match.Score, [.. match.Reasons.Select(r => r.ToString())]);
}

internal sealed record OverlapDecisionRequest(Guid? FirstId, Guid? SecondId, OverlapVerdict? Verdict, long? Version);

internal sealed record OverlapDecisionView(Guid FirstId, Guid SecondId, OverlapVerdict Verdict, long Version, DateTimeOffset DecidedAt, string DecidedBy)
{
    public static OverlapDecisionView From(OverlapDecision decision) =>
        new(decision.FirstId, decision.SecondId, decision.Verdict, decision.Version, decision.DecidedAt, decision.DecidedBy);
}
