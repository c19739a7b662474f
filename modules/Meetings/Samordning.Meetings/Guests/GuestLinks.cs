using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Notifications.Contracts;

namespace Samordning.Meetings.Guests;

internal sealed record GuestPassView(Guid Id, string Name, DateTimeOffset RedeemedAt, DateTimeOffset? RegisteredAt);

// A link as its managers see it. Url is there only in the answer that created it: the token is not stored.
internal sealed record GuestLinkView(
    Guid Id, Guid MeetingId, string? GuestName, string? GuestEmail, int MaxUses, int Uses, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
    GuestLinkStatus Status, string CreatedBy, DateTimeOffset CreatedAt, long Version, IReadOnlyList<GuestPassView> Guests, string? Url = null)
{
    public static GuestLinkView From(GuestLink link, DateTimeOffset now, IEnumerable<GuestPass> passes, string? url = null) => new(
        link.Id, link.MeetingId, link.GuestName, link.GuestEmail, link.MaxUses, link.Uses, link.ExpiresAt, link.RevokedAt,
        link.StatusAt(now), link.CreatedBy, link.CreatedAt, link.Version,
        [.. passes.Where(p => p.LinkId == link.Id).OrderBy(p => p.RedeemedAt).Select(p => new GuestPassView(p.Id, p.Name, p.RedeemedAt, p.RegisteredAt))],
        url);
}

// Creating, listing and revoking a meeting's guest links: its facilitators and coordinators (MeetingAccess.CanManage).
// Each change is audited by the store's interceptor (the link is IAudited); revoking also ends the guests' live
// connections on this node, and every request of theirs after it, on any node, finds the session ended. A named
// guest's link with an e-mail address is mailed to them through the outbox, committed with the link.
internal sealed class GuestLinks : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/guest-links", async (Guid id, MeetingServices deps, CancellationToken ct) =>
                (await ListAsync(deps, id, ct)).ToOk())
            .WithTags("Meeting guests")
            .WithSummary("The meeting's guest links with their status and who came in through each (its facilitators and coordinators).");

        api.MapPost("/meetings/{id:guid}/guest-links", async (Guid id, GuestLinkRequest request, MeetingServices deps, HttpRequest http, CancellationToken ct) =>
                (await CreateAsync(deps, id, request, $"{http.Scheme}://{http.Host}", ct)).ToCreated(l => $"/api/meetings/{l.MeetingId}/guest-links/{l.Id}"))
            .WithTags("Meeting guests")
            .WithSummary("Makes a guest link to the meeting: one named guest, or a number of people, until it expires. The answer carries the link; only its hash is stored.");

        api.MapPost("/meetings/{id:guid}/guest-links/{linkId:guid}/revoke", async (Guid id, Guid linkId, MeetingServices deps, IGuestSessionEnder ender, CancellationToken ct) =>
                (await RevokeAsync(deps, ender, id, linkId, ct)).ToOk())
            .WithTags("Meeting guests")
            .WithSummary("Revokes a guest link: no one new comes in, and the guests who did lose access at their next request and on the live hub.");
    }

    public static async Task<Outcome<IReadOnlyList<GuestLinkView>>> ListAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<IReadOnlyList<GuestLinkView>>(deps, meetingId, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var links = await deps.Db.GuestLinks.AsNoTracking().Where(l => l.MeetingId == meetingId).ToListAsync(cancellationToken);
        var passes = await deps.Db.GuestPasses.AsNoTracking().Where(p => p.MeetingId == meetingId).ToListAsync(cancellationToken);
        var now = deps.Clock.UtcNow;
        return Outcome.Ok<IReadOnlyList<GuestLinkView>>([.. links.OrderByDescending(l => l.CreatedAt).Select(l => GuestLinkView.From(l, now, passes))]);
    }

    public static async Task<Outcome<GuestLinkView>> CreateAsync(MeetingServices deps, Guid meetingId, GuestLinkRequest request, string origin, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<GuestLinkView>(deps, meetingId, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var now = deps.Clock.UtcNow;
        var expires = request.ExpiresAt ?? MeetingGuestRules.DefaultExpiry(meeting, now);
        if (GuestLinkRules.Validate(request, expires, MeetingGuestRules.LatestExpiry(meeting, now), now, MeetingGuestRules.ExpiryRule) is { Any: true } errors)
        {
            return Outcome.Invalid<GuestLinkView>(errors);
        }

        var link = new GuestLink { MeetingId = meetingId, CreatedBy = deps.User.DisplayName };
        var url = GuestLinkStore.Issue(link, request, expires, now, origin);
        deps.Db.GuestLinks.Add(link);
        if (GuestLinkMail.For(link, meeting.Title, url) is { } mail)
        {
            deps.Db.StageEvent(new MailRequested(new OutgoingMail(mail.Key, mail.To, mail.Name, mail.Subject, mail.Body)));
        }

        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(GuestLinkView.From(link, now, [], url));
    }

    public static async Task<Outcome<GuestLinkView>> RevokeAsync(MeetingServices deps, IGuestSessionEnder ender, Guid meetingId, Guid linkId, CancellationToken cancellationToken)
    {
        var (meeting, refusal) = await MeetingLookup.ForManagerAsync<GuestLinkView>(deps, meetingId, cancellationToken);
        if (meeting is null)
        {
            return refusal!;
        }

        var link = await deps.Db.GuestLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.MeetingId == meetingId, cancellationToken);
        if (link is null)
        {
            return Outcome.NotFound<GuestLinkView>();
        }

        await GuestLinkStore.RevokeAsync(deps.Db, link, deps.Clock.UtcNow, ender, cancellationToken);
        var passes = await deps.Db.GuestPasses.AsNoTracking().Where(p => p.LinkId == linkId).ToListAsync(cancellationToken);
        return Outcome.Ok(GuestLinkView.From(link, deps.Clock.UtcNow, passes));
    }
}
