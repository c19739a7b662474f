using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Guests;

// One named guest (name, and e-mail if known; the link then opens once) or a number of people (MaxUses); the
// expiry defaults to the end of the day after the meeting.
internal sealed record GuestLinkRequest(string? GuestName, string? GuestEmail, int? MaxUses, DateTimeOffset? ExpiresAt);

internal sealed record GuestPassView(Guid Id, string Name, DateTimeOffset RedeemedAt, DateTimeOffset? RegisteredAt);

// A link as its managers see it. Url is there only in the answer that created it: the token is not stored.
internal sealed record GuestLinkView(
    Guid Id, Guid MeetingId, string? GuestName, string? GuestEmail, int MaxUses, int Uses, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
    GuestLinkStatus Status, string CreatedBy, DateTimeOffset CreatedAt, long Version, IReadOnlyList<GuestPassView> Guests, string? Url = null)
{
    public static GuestLinkView From(GuestLink link, DateTimeOffset now, IEnumerable<GuestPass> passes, string? url = null) => new(
        link.Id, link.MeetingId, link.GuestName, link.GuestEmail, link.MaxUses, link.Uses, link.ExpiresAt, link.RevokedAt,
        GuestLinkRules.StatusOf(link, now), link.CreatedBy, link.CreatedAt, link.Version,
        [.. passes.Where(p => p.LinkId == link.Id).OrderBy(p => p.RedeemedAt).Select(p => new GuestPassView(p.Id, p.Name, p.RedeemedAt, p.RegisteredAt))],
        url);
}

// Creating, listing and revoking a meeting's guest links: its facilitators and coordinators (MeetingAccess.CanManage).
// Each change is audited by the store's interceptor (the link is IAudited); revoking also ends the guests' live
// connections on this node, and every request of theirs after it, on any node, finds the session ended.
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
        var expires = request.ExpiresAt ?? GuestLinkRules.DefaultExpiry(meeting, now);
        if (Validate(request, expires, GuestLinkRules.LatestExpiry(meeting, now), now) is { Any: true } errors)
        {
            return Outcome.Invalid<GuestLinkView>(errors);
        }

        var named = !string.IsNullOrWhiteSpace(request.GuestName);
        var token = GuestLinkRules.NewToken();
        var link = new GuestLink
        {
            MeetingId = meetingId,
            TokenHash = GuestLinkRules.Hash(token),
            GuestName = named ? request.GuestName!.Trim() : null,
            GuestEmail = string.IsNullOrWhiteSpace(request.GuestEmail) ? null : request.GuestEmail.Trim(),
            MaxUses = named ? 1 : request.MaxUses!.Value,
            ExpiresAt = expires,
            CreatedBy = deps.User.DisplayName,
            CreatedAt = now,
        };
        deps.Db.GuestLinks.Add(link);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(GuestLinkView.From(link, now, [], origin + GuestLinkRules.Path(token)));
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

        // Revoking twice is harmless, and keeps the first time.
        if (link.RevokedAt is null)
        {
            link.RevokedAt = deps.Clock.UtcNow;
            await deps.Db.SaveChangesAsync(cancellationToken);
        }

        ender.End(link.Id);
        var passes = await deps.Db.GuestPasses.AsNoTracking().Where(p => p.LinkId == linkId).ToListAsync(cancellationToken);
        return Outcome.Ok(GuestLinkView.From(link, deps.Clock.UtcNow, passes));
    }

    private static FieldErrors Validate(GuestLinkRequest request, DateTimeOffset expires, DateTimeOffset latest, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .MaxLength(nameof(request.GuestName), request.GuestName, new("Gjestens navn", "The guest's name"), 200)
            .Email(nameof(request.GuestEmail), request.GuestEmail, new("Gjestens e-postadresse", "The guest's e-mail address"), required: false);
        var named = !string.IsNullOrWhiteSpace(request.GuestName);
        if (!named && !string.IsNullOrWhiteSpace(request.GuestEmail))
        {
            errors.Add(nameof(request.GuestName), new("Skriv navnet til gjesten som skal ha lenken.", "Write the name of the guest the link is for."));
        }

        if (named && request.MaxUses is not (null or 1))
        {
            errors.Add(nameof(request.MaxUses), new("En lenke til en navngitt gjest kan brukes én gang.", "A link for a named guest can be used once."));
        }
        else if (!named && request.MaxUses is not (>= 1 and <= GuestLinkRules.MaxUses))
        {
            errors.Add(nameof(request.MaxUses), new(
                $"Skriv hvor mange som kan bruke lenken, fra 1 til {GuestLinkRules.MaxUses}, eller skriv navnet til én gjest.",
                $"Write how many people can use the link, from 1 to {GuestLinkRules.MaxUses}, or write the name of one guest."));
        }

        if (expires <= now || expires > latest)
        {
            errors.Add(nameof(request.ExpiresAt), new(
                $"Lenken må utløpe etter nå og senest {(int)GuestLinkRules.MaxAfterMeeting.TotalDays} dager etter møtet.",
                $"The link must expire after now and at most {(int)GuestLinkRules.MaxAfterMeeting.TotalDays} days after the meeting."));
        }

        return errors;
    }
}
