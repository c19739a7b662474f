using Samordning.Feedback.Data;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Guests;

internal sealed record RoundGuestView(Guid Id, string Name, DateTimeOffset RedeemedAt);

// A round's guest link as coordinators see it. Url is there only in the answer that created it: the token is not stored.
internal sealed record RoundGuestLinkView(
    Guid Id, Guid RoundId, string? GuestName, string? GuestEmail, int MaxUses, int Uses, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
    GuestLinkStatus Status, string CreatedBy, DateTimeOffset CreatedAt, long Version, IReadOnlyList<RoundGuestView> Guests, string? Url = null)
{
    public static RoundGuestLinkView From(RoundGuestLink link, DateTimeOffset now, IEnumerable<RoundGuestPass> passes, string? url = null) => new(
        link.Id, link.RoundId, link.GuestName, link.GuestEmail, link.MaxUses, link.Uses, link.ExpiresAt, link.RevokedAt,
        link.StatusAt(now), link.CreatedBy, link.CreatedAt, link.Version,
        [.. passes.Where(p => p.LinkId == link.Id).OrderBy(p => p.RedeemedAt).Select(p => new RoundGuestView(p.Id, p.Name, p.RedeemedAt))],
        url);
}

internal sealed record RoundGuestServices(FeedbackDbContext Db, ICurrentUser User, IClock Clock, IOutbox Outbox);

// Guest links to one input round by invitation (not public): coordinators make, list and revoke them. A guest who
// redeems one may send input to that round through its form and see the receipt, nothing else. Each change is
// audited by the store's interceptor; a named guest's link with an e-mail address is mailed through the outbox,
// committed with the link.
internal sealed class RoundGuestLinks : IEndpoint
{
    // Until the deadline has passed by default (the form closes then anyway); at most this long after it.
    public static readonly TimeSpan MaxAfterDeadline = TimeSpan.FromDays(30);

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/feedback/rounds/{id:guid}/guest-links", async (Guid id, RoundGuestServices deps, CancellationToken ct) =>
                (await ListAsync(deps, id, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Input round guests")
            .WithSummary("The round's guest links with their status and who came in through each (coordinators).");

        api.MapPost("/feedback/rounds/{id:guid}/guest-links", async (Guid id, GuestLinkRequest request, RoundGuestServices deps, HttpRequest http, CancellationToken ct) =>
                (await CreateAsync(deps, id, request, $"{http.Scheme}://{http.Host}", ct)).ToCreated(l => $"/api/feedback/rounds/{l.RoundId}/guest-links/{l.Id}"))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Input round guests")
            .WithSummary("Makes a guest link to a round by invitation: one named guest (mailed when an address is given) or a number of people, until it expires. The answer carries the link; only its hash is stored.");

        api.MapPost("/feedback/rounds/{id:guid}/guest-links/{linkId:guid}/revoke", async (Guid id, Guid linkId, RoundGuestServices deps, IGuestSessionEnder ender, CancellationToken ct) =>
                (await RevokeAsync(deps, ender, id, linkId, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Input round guests")
            .WithSummary("Revokes a round's guest link: no one new comes in, and the guests who did lose access at their next request.");
    }

    public static async Task<Outcome<IReadOnlyList<RoundGuestLinkView>>> ListAsync(RoundGuestServices deps, Guid roundId, CancellationToken cancellationToken)
    {
        if (!await deps.Db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            return Outcome.NotFound<IReadOnlyList<RoundGuestLinkView>>();
        }

        var links = await deps.Db.GuestLinks.AsNoTracking().Where(l => l.RoundId == roundId).ToListAsync(cancellationToken);
        var passes = await deps.Db.GuestPasses.AsNoTracking().Where(p => p.RoundId == roundId).ToListAsync(cancellationToken);
        var now = deps.Clock.UtcNow;
        return Outcome.Ok<IReadOnlyList<RoundGuestLinkView>>([.. links.OrderByDescending(l => l.CreatedAt).Select(l => RoundGuestLinkView.From(l, now, passes))]);
    }

    public static async Task<Outcome<RoundGuestLinkView>> CreateAsync(RoundGuestServices deps, Guid roundId, GuestLinkRequest request, string origin, CancellationToken cancellationToken)
    {
        var round = await deps.Db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Outcome.NotFound<RoundGuestLinkView>();
        }

        var now = deps.Clock.UtcNow;
        var expires = request.ExpiresAt ?? round.Deadline.AddSeconds(1);
        var errors = GuestLinkRules.Validate(request, expires, round.Deadline + MaxAfterDeadline, now, new(
            $"Lenken må utløpe etter nå og senest {(int)MaxAfterDeadline.TotalDays} dager etter fristen.",
            $"The link must expire after now and at most {(int)MaxAfterDeadline.TotalDays} days after the deadline."));
        if (round.IsPublic)
        {
            // A public round's form is open to all: its address is the invitation.
            errors.Add("Round", new("Runden er åpen for alle. Del adressen til skjemaet i stedet.", "The round is open to everyone. Share the form's address instead."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<RoundGuestLinkView>(errors);
        }

        var link = new RoundGuestLink { RoundId = roundId, CreatedBy = deps.User.DisplayName };
        var url = GuestLinkStore.Issue(link, request, expires, now, origin);
        deps.Db.GuestLinks.Add(link);
        if (GuestLinkMail.For(link, round.Title, url) is { } mail)
        {
            deps.Db.StageEvent(new MailRequested(new OutgoingMail(mail.Key, mail.To, mail.Name, mail.Subject, mail.Body)));
        }

        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(RoundGuestLinkView.From(link, now, [], url));
    }

    public static async Task<Outcome<RoundGuestLinkView>> RevokeAsync(RoundGuestServices deps, IGuestSessionEnder ender, Guid roundId, Guid linkId, CancellationToken cancellationToken)
    {
        // The link must belong to the round in the address: another round's link is not found, and stays as it was.
        var link = await deps.Db.GuestLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.RoundId == roundId, cancellationToken);
        if (link is null)
        {
            return Outcome.NotFound<RoundGuestLinkView>();
        }

        await GuestLinkStore.RevokeAsync(deps.Db, link, deps.Clock.UtcNow, ender, cancellationToken);
        var passes = await deps.Db.GuestPasses.AsNoTracking().Where(p => p.LinkId == linkId).ToListAsync(cancellationToken);
        return Outcome.Ok(RoundGuestLinkView.From(link, deps.Clock.UtcNow, passes));
    }
}

// The round's answer on the one guest page (/gjest/{token}): what a link opens, and using it once. The session's
// scope is the round alone; its home is the round's form.
internal sealed class RoundGuestRedeemer(FeedbackDbContext db, IClock clock) : GuestLinkRedeemer<RoundGuestLink, RoundGuestPass>(db, clock)
{
    protected override LocalizedText About => new(
        "Som gjest kan du sende innspill til denne innspillsrunden og få kvittering. Du får ikke tilgang til noe annet.",
        "As a guest you can send input to this input round and get a receipt. You get access to nothing else.");

    protected override LocalizedText Go => new("Gå til skjemaet", "Go to the form");

    protected override Task<string> TitleAsync(RoundGuestLink link, CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking().Where(r => r.Id == link.RoundId).Select(r => r.Title).FirstAsync(cancellationToken);

    protected override string ScopeOf(RoundGuestLink link) => GuestClaims.ForRound(link.RoundId);

    protected override string HomeOf(RoundGuestLink link) => $"/innspill/{link.RoundId}";

    protected override RoundGuestPass NewPass(RoundGuestLink link, string name) => new() { RoundId = link.RoundId, Name = name };
}

// The host asks this at every request of a round's guest: is the session's link still neither revoked nor expired?
internal sealed class RoundGuestSessionCheck(FeedbackDbContext db, IClock clock) : IGuestSessionCheck
{
    public bool Handles(string scope) => scope.StartsWith(GuestClaims.RoundScope, StringComparison.Ordinal);

    public Task<bool> IsActiveAsync(Guid linkId, CancellationToken cancellationToken) =>
        GuestLinkStore.SessionHoldsAsync<RoundGuestLink>(db, linkId, clock.UtcNow, cancellationToken);
}
