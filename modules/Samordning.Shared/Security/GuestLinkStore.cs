using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Shared.Security;

/// <summary>What the guest page shows before a link is used: what it opens, and for whom.</summary>
/// <param name="Status">The link's status now.</param>
/// <param name="NamedGuest">The one guest the link is for, or null (the page asks for a name).</param>
/// <param name="Title">The title of what it opens (a meeting, an input round).</param>
/// <param name="About">One sentence: what a guest can do there, and that nothing else opens.</param>
/// <param name="Go">The button's text.</param>
/// <param name="Home">The local path of what it opens (where a signed-in person is simply sent).</param>
public sealed record GuestInvitation(GuestLinkStatus Status, string? NamedGuest, string Title, LocalizedText About, LocalizedText Go, string Home);

/// <summary>A guest let in: the session's principal, until when it may last, and where to go.</summary>
public sealed record GuestAdmission(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt, string Home);

/// <summary>A module that issues guest links answers for its tokens on the one guest page, <c>/gjest/{token}</c>.</summary>
public interface IGuestLinkRedeemer
{
    /// <summary>The invitation of the link with this token hash, or null when this module has no such link.</summary>
    Task<GuestInvitation?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Uses the link once for a guest of this name (ignored for a named guest's link): the admission, or the status
    /// that stops it; null when this module has no such link.
    /// </summary>
    Task<(GuestAdmission? Admission, GuestLinkStatus Status)?> RedeemAsync(string tokenHash, string name, CancellationToken cancellationToken);
}

/// <summary>
/// A module's answer on the one guest page for its own links: it says what a link opens (title, what a guest can do
/// there, the button, the home path) and how a pass is made; finding and redeeming are the same for every issuer.
/// </summary>
public abstract class GuestLinkRedeemer<TLink, TPass>(DbContext db, IClock clock) : IGuestLinkRedeemer
    where TLink : GuestLinkRecord
    where TPass : GuestPassRecord
{
    /// <summary>What a guest can do there, and that nothing else opens.</summary>
    protected abstract LocalizedText About { get; }

    /// <summary>The button's text.</summary>
    protected abstract LocalizedText Go { get; }

    /// <summary>The title of what the link opens.</summary>
    protected abstract Task<string> TitleAsync(TLink link, CancellationToken cancellationToken);

    /// <summary>The session's one scope (<see cref="GuestClaims.ForMeeting"/>, <see cref="GuestClaims.ForRound"/>).</summary>
    protected abstract string ScopeOf(TLink link);

    /// <summary>The local path of what the link opens.</summary>
    protected abstract string HomeOf(TLink link);

    /// <summary>A new pass for a guest of this name coming in through the link.</summary>
    protected abstract TPass NewPass(TLink link, string name);

    /// <inheritdoc />
    public async Task<GuestInvitation?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        await GuestLinkStore.FindAsync<TLink>(db, tokenHash, cancellationToken) is { } link
            ? new GuestInvitation(link.StatusAt(clock.UtcNow), link.GuestName, await TitleAsync(link, cancellationToken), About, Go, HomeOf(link))
            : null;

    /// <inheritdoc />
    public async Task<(GuestAdmission? Admission, GuestLinkStatus Status)?> RedeemAsync(string tokenHash, string name, CancellationToken cancellationToken)
    {
        if (await GuestLinkStore.RedeemAsync<TLink, TPass>(db, tokenHash, () => clock.UtcNow, link => NewPass(link, link.GuestName ?? name), cancellationToken) is not { } r)
        {
            return null;
        }

        var home = HomeOf(r.Link);
        return (r.Pass is { } pass ? new GuestAdmission(GuestLinkStore.Principal(pass.Name, ScopeOf(r.Link), home, r.Link.Id, pass.Id), r.Link.ExpiresAt, home) : null, r.Status);
    }
}

/// <summary>The storage side of guest links that every issuing module shares: find, redeem exactly N times, check.</summary>
public static class GuestLinkStore
{
    private const int Attempts = 64;

    /// <summary>The session principal: a name, one scope, the link (checked at every request), the guest's own id.</summary>
    public static ClaimsPrincipal Principal(string name, string scope, string home, Guid linkId, Guid passId) => new(new ClaimsIdentity(
        [
            new Claim(SamordningClaims.Name, name),
            new Claim(GuestClaims.Scope, scope),
            new Claim(GuestClaims.Link, linkId.ToString()),
            new Claim(GuestClaims.Home, home),
            new Claim(GuestClaims.Pass, passId.ToString()),
        ],
        GuestClaims.Scheme, SamordningClaims.Name, ClaimTypes.Role));

    /// <summary>
    /// A new link's token: its hash goes on the link, which is filled from the request; the answer is the link's
    /// address (shown once, and mailed to a named guest).
    /// </summary>
    public static string Issue<TLink>(TLink link, GuestLinkRequest request, DateTimeOffset expires, DateTimeOffset now, string origin)
        where TLink : GuestLinkRecord
    {
        var token = SecretTokens.New();
        link.TokenHash = SecretTokens.Hash(token);
        GuestLinkRules.Fill(link, request, expires, now);
        return origin + GuestLinkRules.Path(token);
    }

    /// <summary>The link with this token hash, untracked, or null.</summary>
    public static Task<TLink?> FindAsync<TLink>(DbContext db, string tokenHash, CancellationToken cancellationToken)
        where TLink : GuestLinkRecord =>
        db.Set<TLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == tokenHash, cancellationToken);

    /// <summary>
    /// Uses a link once, counted under the row's version, so that a link for N people lets in exactly N however many
    /// arrive at once: of many at once each loser reads again and finds it used up or counts on top. Null when there
    /// is no such link.
    /// </summary>
    public static async Task<(TPass? Pass, TLink Link, GuestLinkStatus Status)?> RedeemAsync<TLink, TPass>(
        DbContext db, string tokenHash, Func<DateTimeOffset> now, Func<TLink, TPass> newPass, CancellationToken cancellationToken)
        where TLink : GuestLinkRecord
        where TPass : GuestPassRecord
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var link = await db.Set<TLink>().FirstOrDefaultAsync(l => l.TokenHash == tokenHash, cancellationToken);
            if (link is null)
            {
                return null;
            }

            if (link.StatusAt(now()) is not GuestLinkStatus.Active and var status)
            {
                return (null, link, status);
            }

            link.Uses++;
            var pass = newPass(link);
            pass.LinkId = link.Id;
            pass.RedeemedAt = now();
            db.Add(pass);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (pass, link, GuestLinkStatus.Active);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException($"The guest link kept changing; gave up after {Attempts} attempts.");
    }

    /// <summary>Whether a session from this link still holds: the link neither revoked nor expired (used up stops new guests only).</summary>
    public static Task<bool> SessionHoldsAsync<TLink>(DbContext db, Guid linkId, DateTimeOffset now, CancellationToken cancellationToken)
        where TLink : GuestLinkRecord =>
        db.Set<TLink>().AsNoTracking().AnyAsync(l => l.Id == linkId && l.RevokedAt == null && l.ExpiresAt > now, cancellationToken);

    /// <summary>Revokes a link (again is harmless and keeps the first time) and ends its guests' live connections here.</summary>
    public static async Task RevokeAsync(DbContext db, GuestLinkRecord link, DateTimeOffset now, IGuestSessionEnder ender, CancellationToken cancellationToken)
    {
        if (link.RevokedAt is null)
        {
            link.RevokedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        ender.End(link.Id);
    }
}

/// <summary>The mapping of a module's guest links and passes, the same in every module that issues them.</summary>
public static class GuestLinkMapping
{
    /// <summary>
    /// Maps the link and pass (the caller adds the index and key to what they are for): the token hash unique, the
    /// passes by link and deleted with it.
    /// </summary>
    public static void Map<TLink, TPass>(ModelBuilder modelBuilder)
        where TLink : GuestLinkRecord
        where TPass : GuestPassRecord
    {
        modelBuilder.Entity<TLink>(link =>
        {
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.Property(l => l.GuestName).HasMaxLength(GuestLinkRules.MaxNameLength);
            link.Property(l => l.GuestEmail).HasMaxLength(254);
            link.Property(l => l.CreatedBy).HasMaxLength(200);
            link.HasIndex(l => l.TokenHash).IsUnique();
        });

        modelBuilder.Entity<TPass>(pass =>
        {
            pass.Property(p => p.Id).ValueGeneratedNever();
            pass.Property(p => p.Name).HasMaxLength(GuestLinkRules.MaxNameLength);
            pass.HasIndex(p => p.LinkId);
            pass.HasOne<TLink>().WithMany().HasForeignKey(p => p.LinkId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
