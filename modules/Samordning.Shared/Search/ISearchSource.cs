using System.Security.Claims;

namespace Samordning.Shared.Search;

/// <summary>
/// A module's part of the search across modules: it searches what the module owns and returns only what the person
/// may read. Found by the host's Scrutor scan; the host merges, ranks, highlights and pages.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kinds of hit this source returns (for example <c>initiative</c>, <c>workstream</c>).</summary>
    IReadOnlyList<SearchKind> Kinds { get; }

    /// <summary>
    /// The hits for every term of <paramref name="query"/> that <paramref name="user"/> may read, best first as far as
    /// the database can tell (title matches, then the newest), at most <see cref="SearchQuery.Limit"/>, with how many
    /// there are in all, counted up to <see cref="SearchQuery.CountLimit"/>.
    /// </summary>
    Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>A kind of hit: its name in the API and the filter, and what pages call it.</summary>
/// <param name="Name">Lower-case name, unique across sources, for example <c>initiative</c>.</param>
/// <param name="Label">The kind in Bokmål and English.</param>
public sealed record SearchKind(string Name, Text.LocalizedText Label);

/// <summary>A search, as the sources get it.</summary>
/// <param name="Terms">Folded, stemmed terms (<see cref="NorwegianText.Terms"/>); a hit matches every one.</param>
/// <param name="Kinds">The kinds asked for; empty for all.</param>
/// <param name="MinistryId">Only hits that belong to (or involve) this ministry.</param>
/// <param name="WorkstreamId">Only hits linked to this workstream.</param>
/// <param name="Limit">The most hits a source returns.</param>
/// <param name="CountLimit">
/// How far a source counts its hits: the total it returns is at most this (the search shows a bounded number of
/// hits, and counting every hit of a common word reads every hit's row on a server database).
/// </param>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlySet<string> Kinds, Guid? MinistryId, Guid? WorkstreamId, int Limit, int CountLimit = int.MaxValue)
{
    /// <summary>True when hits of <paramref name="kind"/> are asked for.</summary>
    public bool Wants(string kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>The longest term, the one a source orders title matches by (the host ranks on every term).</summary>
    public string LeadingTerm => Terms.OrderByDescending(t => t.Length).FirstOrDefault() ?? "";
}

/// <summary>One hit: what the person may see of it, in plain text (the host encodes and highlights).</summary>
/// <param name="Kind">One of the source's <see cref="ISearchSource.Kinds"/>.</param>
/// <param name="Id">The entity's id.</param>
/// <param name="Title">The title shown.</param>
/// <param name="Text">More text the person may read, for the excerpt, or null.</param>
/// <param name="Url">The page that shows it.</param>
/// <param name="Context">A short line of context (a ministry's code, the meeting of a decision), or null.</param>
/// <param name="UpdatedAt">When it last changed, for ties, or null.</param>
public sealed record SearchHit(string Kind, Guid Id, string Title, string? Text, string Url, string? Context = null, DateTimeOffset? UpdatedAt = null);

/// <summary>A source's hits and how many matched in all (up to the query's <see cref="SearchQuery.CountLimit"/>).</summary>
public sealed record SearchSourceResult(IReadOnlyList<SearchHit> Hits, int Total)
{
    /// <summary>Nothing found (or nothing asked of this source).</summary>
    public static SearchSourceResult None { get; } = new([], 0);
}
