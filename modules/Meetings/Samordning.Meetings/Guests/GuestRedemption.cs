using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Guests;

internal sealed record GuestRedeemed(GuestLink Link, GuestPass Pass)
{
    // The guest session: a name, the one meeting, the link (checked at every request) and the guest's own id.
    // No registry id, so no policy for registered people lets it through.
    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [
            new Claim(SamordningClaims.Name, Pass.Name),
            new Claim(GuestClaims.Scope, GuestClaims.ForMeeting(Link.MeetingId)),
            new Claim(GuestClaims.Link, Link.Id.ToString()),
            new Claim(GuestClaims.Home, $"/moter/{Link.MeetingId}"),
            new Claim(GuestClaims.Pass, Pass.Id.ToString()),
        ],
        GuestClaims.Scheme, SamordningClaims.Name, ClaimTypes.Role));
}

// Redeeming a guest link: the link found by its token's hash, still active, and counted under the row's version so
// that a link for N people lets in exactly N however many arrive at once.
internal static class GuestRedemption
{
    private const int Attempts = 64;

    public static async Task<(GuestLink? Link, GuestLinkStatus? Status)> FindAsync(MeetingsDbContext db, IClock clock, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (null, null);
        }

        var hash = GuestLinkRules.Hash(token);
        var link = await db.GuestLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is null ? (null, null) : (link, GuestLinkRules.StatusOf(link, clock.UtcNow));
    }

    // Invalid when a name is needed and missing; Forbidden (with the status in the link's place) when the link no
    // longer opens; NotFound for a token that never was.
    public static async Task<(Outcome<GuestRedeemed> Outcome, GuestLinkStatus? Status)> RedeemAsync(
        MeetingServices deps, string token, string? name, bool consent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (found, status) = await FindAsync(deps.Db, deps.Clock, token, cancellationToken);
            if (found is null)
            {
                return (Outcome.NotFound<GuestRedeemed>(), null);
            }

            if (status != GuestLinkStatus.Active)
            {
                return (Outcome.Forbidden<GuestRedeemed>(), status);
            }

            var errors = new FieldErrors();
            if (found.GuestName is null)
            {
                errors.Required("Name", name, new("Navnet ditt", "Your name"), 200);
            }

            if (!consent)
            {
                errors.Add("Consent", new("Du må godta vilkårene for å gå inn som gjest.", "You must accept the terms to enter as a guest."));
            }

            if (errors.Any)
            {
                return (Outcome.Invalid<GuestRedeemed>(errors), status);
            }

            var link = await deps.Db.GuestLinks.FirstAsync(l => l.Id == found.Id, cancellationToken);
            if (GuestLinkRules.StatusOf(link, deps.Clock.UtcNow) is not GuestLinkStatus.Active and var changed)
            {
                return (Outcome.Forbidden<GuestRedeemed>(), changed);
            }

            link.Uses++;
            var pass = new GuestPass { LinkId = link.Id, MeetingId = link.MeetingId, Name = link.GuestName ?? name!.Trim(), RedeemedAt = deps.Clock.UtcNow };
            deps.Db.GuestPasses.Add(pass);
            try
            {
                await deps.Db.SaveChangesAsync(cancellationToken);
                return (Outcome.Ok(new GuestRedeemed(link, pass)), GuestLinkStatus.Active);
            }
            catch (DbUpdateConcurrencyException)
            {
                deps.Db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException($"The guest link kept changing; gave up after {Attempts} attempts.");
    }

    // A guest signs up for the meeting of their link (again is harmless).
    public static async Task<Outcome<MeetingDetails>> RegisterAsync(MeetingServices deps, Meeting meeting, CancellationToken cancellationToken)
    {
        if (deps.User.Principal.GuestPassId() is not { } passId || await deps.Db.GuestPasses.FirstOrDefaultAsync(p => p.Id == passId && p.MeetingId == meeting.Id, cancellationToken) is not { } pass)
        {
            return Outcome.Forbidden<MeetingDetails>();
        }

        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            return Outcome.Invalid<MeetingDetails>(new FieldErrors().Add("Registration", new("Møtet er avsluttet.", "The meeting is closed.")));
        }

        if (pass.RegisteredAt is null)
        {
            pass.RegisteredAt = deps.Clock.UtcNow;
            await deps.Db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok(MeetingDetails.From(meeting).ForGuest());
    }
}

// The host asks this at every guest request: is the session's link still neither revoked nor expired?
internal sealed class MeetingGuestSessionCheck(MeetingsDbContext db, IClock clock) : IGuestSessionCheck
{
    public bool Handles(string scope) => scope.StartsWith(GuestClaims.MeetingScope, StringComparison.Ordinal);

    public async Task<bool> IsActiveAsync(Guid linkId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return await db.GuestLinks.AsNoTracking().AnyAsync(l => l.Id == linkId && l.RevokedAt == null && l.ExpiresAt > now, cancellationToken);
    }
}
