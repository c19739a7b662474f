namespace Samordning.Shared.Search;

/// <summary>
/// What an entity gives search: its title, its other text everyone who may read the entity may see, and text only
/// some of them may see (a contributor's name). Null parts are left out.
/// </summary>
public sealed record SearchDocument(string? Title, IReadOnlyList<string?> Body, IReadOnlyList<string?>? Personal = null);

/// <summary>
/// An entity with a stored search index: the folded, stemmed terms of its <see cref="SearchDocument"/>, which every
/// save recomputes (the auditing interceptor, before it stamps), so each node and each provider reads the same
/// current column: no in-memory index to go stale. A provider's full-text index on the column (SearchMatch) answers
/// the LIKE patterns below faster, with the same answer.
/// Build the document from the entity's own columns only: a save of the entity without its children loaded must
/// not lose their text.
/// </summary>
public interface ISearchIndexed
{
    /// <summary>The stored index (see <see cref="SearchIndex"/>); not audited.</summary>
    string SearchIndex { get; set; }

    /// <summary>The text to index.</summary>
    SearchDocument SearchDocument();
}

/// <summary>
/// The index format and the LIKE patterns that read it. The index is " title terms | body terms | personal terms ":
/// a pattern that needs a '|' after the term finds it in the title or body only, one that needs two finds it in the
/// title only. Terms hold letters and digits alone, so no term carries a LIKE wildcard or the separator.
/// </summary>
public static class SearchIndex
{
    /// <summary>The name of the index column's property, which the audit log leaves out.</summary>
    public const string PropertyName = nameof(ISearchIndexed.SearchIndex);

    // Terms this short match only at the start of a word: "ai" should not find every "kaia".
    private const int ShortTerm = 2;

    /// <summary>The stored index of a document.</summary>
    public static string Of(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $" {Terms([document.Title])} | {Terms(document.Body)} | {Terms(document.Personal ?? [])} ";
    }

    /// <summary>Matches the term in the title or body (what everyone who may read the entity may see).</summary>
    public static string Readable(string term) => Start(term) + "%|%";

    /// <summary>Matches the term anywhere, the personal part too.</summary>
    public static string Anywhere(string term) => Start(term);

    /// <summary>Matches the term in the title.</summary>
    public static string InTitle(string term) => Start(term) + "%|%|%";

    private static string Start(string term) => term.Length <= ShortTerm ? $"% {term}%" : $"%{term}%";

    private static string Terms(IEnumerable<string?> texts) =>
        string.Join(' ', texts.Where(t => !string.IsNullOrWhiteSpace(t)).SelectMany(t => NorwegianText.Terms(t)).Distinct(StringComparer.Ordinal));
}
