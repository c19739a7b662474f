using System.Security.Claims;

namespace Samordning.Shared.Modules;

/// <summary>
/// A link with a count in the page header, for example unread notifications. Found by the host's Scrutor scan;
/// the host's layout renders every badge a provider returns for the signed-in person.
/// </summary>
public interface IHeaderBadgeProvider
{
    /// <summary>The badge for this person, or null to show none.</summary>
    Task<HeaderBadge?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>A header link with a count.</summary>
/// <param name="Href">Absolute path of the page the badge opens.</param>
/// <param name="Label">Bokmål and English text; the count follows it.</param>
/// <param name="Count">The number shown.</param>
/// <param name="LiveTopic">A live topic whose items carry a new count, or null.</param>
/// <param name="LiveAfter">The topic's last sequence number when the page was rendered.</param>
/// <param name="Script">A module script (ES module) that keeps the badge live, or null.</param>
public sealed record HeaderBadge(string Href, Text.LocalizedText Label, int Count, string? LiveTopic = null, long LiveAfter = 0, string? Script = null);
