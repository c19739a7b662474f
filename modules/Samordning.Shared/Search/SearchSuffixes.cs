using System.Text;

namespace Samordning.Shared.Search;

/// <summary>
/// The PostgreSQL suffix index's text: every suffix of three letters or more of each word of the stored index, cut
/// to <see cref="SearchFullTextSql.LongestToken"/> letters and marked with its section's letter (<c>t</c> title,
/// <c>b</c> body, <c>p</c> personal: "tbarnehageplass", …, "tplass", …, "tass"), one space apart, each once. A term
/// inside a word, the later part of a compound too, is then one prefix of one lexeme per section (<c>tplass:* |
/// bplass:*</c>) on a GIN index of the text read as a <c>tsvector</c>: the same answer as the LIKE, the same suffixes
/// as SQLite's FTS5 table (<see cref="SearchFullTextSql.CreateSqliteV2"/>). The section letter stands first, so a
/// prefix in one section never meets another's lexemes.
/// </summary>
/// <remarks>
/// Made here on every save (the auditing interceptor, beside the index) rather than by the database: an SQL function
/// that made them cost some 7 ms of server time per written row, which bulk loads could not afford. Terms hold
/// letters and digits only (<see cref="NorwegianText.Terms"/>), so each token is one lexeme of the <c>tsvector</c>
/// input as it is, with nothing to quote. The text stays under the <c>tsvector</c> size limit (1 MB): a row whose
/// suffixes would pass <see cref="MaxBytes"/> keeps those of its first words only (fields are a few thousand
/// letters, so that takes a pathological text).
/// </remarks>
public static class SearchSuffixes
{
    /// <summary>The name of the suffix column's (shadow) property, on every provider; filled on PostgreSQL only.</summary>
    public const string PropertyName = "SearchSuffixes";

    /// <summary>The most UTF-8 bytes of suffix text a row keeps (PostgreSQL's tsvector holds at most 1 MB of lexemes).</summary>
    public const int MaxBytes = 900_000;

    /// <summary>
    /// The lexeme that marks a suffix text cut at <see cref="MaxBytes"/>: a row whose later words the index does not
    /// hold, which a search that must find every row holding a text cannot rule out by the index
    /// (<see cref="SearchMatch.Candidates{T}"/>). One letter, so no suffix (a section letter and three or more)
    /// is ever it, and no search term's prefix meets it.
    /// </summary>
    public const string Cut = "x";

    private const string SectionLetters = "tbp";

    /// <summary>The suffix text of a stored index (<see cref="SearchIndex.Of"/>).</summary>
    public static string Of(string searchIndex)
    {
        ArgumentNullException.ThrowIfNull(searchIndex);
        var sections = searchIndex.Split('|');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        var bytes = 0;
        for (var s = 0; s < Math.Min(sections.Length, SectionLetters.Length); s++)
        {
            foreach (var word in sections[s].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                for (var start = 0; word.Length - start >= SearchFullTextSql.ShortestToken; start++)
                {
                    var token = SectionLetters[s] + word.Substring(start, Math.Min(word.Length - start, SearchFullTextSql.LongestToken));
                    if (!seen.Add(token))
                    {
                        continue;
                    }

                    bytes += Encoding.UTF8.GetByteCount(token) + 1;
                    if (bytes > MaxBytes)
                    {
                        return $"{text} {Cut}";
                    }

                    text.Append(text.Length == 0 ? "" : " ").Append(token);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The <c>tsquery</c> of terms in a section: per term a prefix of its section's lexemes (a term longer than
    /// <see cref="SearchFullTextSql.LongestToken"/> by its start, which the caller checks with the LIKE), every term
    /// required. For terms of <see cref="SearchFullTextSql.ShortestToken"/> letters or more.
    /// </summary>
    public static string Query(IEnumerable<string> terms, SearchSection section)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var letters = section switch
        {
            SearchSection.Title => "t",
            SearchSection.Anywhere => "tbp",
            _ => "tb",
        };

        return string.Join(" & ", terms.Select(term =>
        {
            var start = term.Length > SearchFullTextSql.LongestToken ? term[..SearchFullTextSql.LongestToken] : term;
            return "(" + string.Join(" | ", letters.Select(letter => $"{letter}{start}:*")) + ")";
        }));
    }
}
