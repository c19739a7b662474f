using System.Security.Claims;

namespace Samordning.Shared.Security;

/// <summary>
/// Claim types of a guest session: someone without a registry account who redeemed a guest link. A guest
/// principal never carries <see cref="SamordningClaims.PersonId"/>, so no policy that asks for a registered person
/// lets it in; only endpoints and pages marked <see cref="AllowGuestsAttribute"/> do, and their use cases check the
/// scope.
/// </summary>
public static class GuestClaims
{
    /// <summary>The authentication scheme (a cookie of its own) that carries a guest session.</summary>
    public const string Scheme = "Guest";

    /// <summary>What the guest may reach: <c>meeting:{id}</c> (or <c>round:{id}</c>), exactly one thing.</summary>
    public const string Scope = "samordning:guest-scope";

    /// <summary>The guest link the session came from; revoking or expiring it ends the session.</summary>
    public const string Link = "samordning:guest-link";

    /// <summary>This guest's own id (one per redemption): who asked, voted or registered.</summary>
    public const string Pass = "samordning:guest-pass";

    /// <summary>The local path of the one thing the guest may open (their menu's only entry).</summary>
    public const string Home = "samordning:guest-home";

    /// <summary>The scope prefix of a meeting guest.</summary>
    public const string MeetingScope = "meeting:";

    /// <summary>The scope prefix of a guest of one input round (by invitation).</summary>
    public const string RoundScope = "round:";

    /// <summary>The scope of a guest of one meeting.</summary>
    public static string ForMeeting(Guid meetingId) => $"{MeetingScope}{meetingId}";

    /// <summary>The scope of a guest of one input round.</summary>
    public static string ForRound(Guid roundId) => $"{RoundScope}{roundId}";
}

/// <summary>Reads a guest session's claims.</summary>
public static class GuestPrincipalExtensions
{
    /// <summary>True for a guest session (and never for a registered person).</summary>
    public static bool IsGuest(this ClaimsPrincipal user) =>
        user.PersonId() is null && user.HasClaim(c => c.Type == GuestClaims.Scope);

    /// <summary>The one meeting a guest session is for, or null.</summary>
    public static Guid? GuestMeetingId(this ClaimsPrincipal user) => user.GuestScopeId(GuestClaims.MeetingScope);

    /// <summary>The one input round a guest session is for, or null.</summary>
    public static Guid? GuestRoundId(this ClaimsPrincipal user) => user.GuestScopeId(GuestClaims.RoundScope);

    /// <summary>The local path of what the guest was invited to (a meeting's page), or null.</summary>
    public static string? GuestHome(this ClaimsPrincipal user) =>
        user.IsGuest() && user.FindFirstValue(GuestClaims.Home) is { } home && home.StartsWith('/')
        && !home.StartsWith("//", StringComparison.Ordinal) && !home.StartsWith("/\\", StringComparison.Ordinal) ? home : null;

    /// <summary>The guest's own id (one per redemption), or null.</summary>
    public static Guid? GuestPassId(this ClaimsPrincipal user) =>
        user.IsGuest() && Guid.TryParse(user.FindFirstValue(GuestClaims.Pass), out var id) ? id : null;

    /// <summary>The guest link the session came from, or null.</summary>
    public static Guid? GuestLinkId(this ClaimsPrincipal user) =>
        user.IsGuest() && Guid.TryParse(user.FindFirstValue(GuestClaims.Link), out var id) ? id : null;

    private static Guid? GuestScopeId(this ClaimsPrincipal user, string prefix) =>
        user.IsGuest() && user.FindFirstValue(GuestClaims.Scope) is { } scope && scope.StartsWith(prefix, StringComparison.Ordinal)
        && Guid.TryParse(scope.AsSpan(prefix.Length), out var id) ? id : null;

    /// <summary>Who acts: the registered person's id, else the guest's own id, else null.</summary>
    public static Guid? ActorId(this ClaimsPrincipal user) => user.PersonId() ?? user.GuestPassId();
}

/// <summary>
/// Lets a guest session through the default policy to this endpoint, page or hub (the default is a registered
/// person). The use case still checks that the guest's scope is the thing asked for.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AllowGuestsAttribute : Attribute;

/// <summary>
/// Whether a guest session is still good: its link neither revoked nor expired. A module that issues guest links
/// implements it; the host asks on every request (so a revoked link ends the session at the next one) and ends
/// the guest's live connections when a module says a link was revoked.
/// </summary>
public interface IGuestSessionCheck
{
    /// <summary>True when this check knows the scope (a prefix such as <c>meeting:</c>).</summary>
    bool Handles(string scope);

    /// <summary>True when the session's link is still usable.</summary>
    Task<bool> IsActiveAsync(Guid linkId, CancellationToken cancellationToken);
}

/// <summary>Ends the live connections of a guest link's sessions on this node (the host implements it).</summary>
public interface IGuestSessionEnder
{
    /// <summary>Closes every live connection of a session from this link.</summary>
    void End(Guid linkId);
}
