using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Samordning.Shared.Search;

namespace Samordning.Host.Search;

// Scores a hit on the words people see and marks them: a word counts for a term when its stem is the term (the
// same word, inflected), it starts with the term (the first part of a compound) or holds it (a later part).
// Title words count more than the excerpt's. The output is HTML-encoded text with only <mark> added.
internal static class SearchHighlight
{
    private const int ExcerptLength = 240;
    private const int Lead = 80;

    // Encodes what HTML needs encoded and leaves Norwegian letters readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static int Score(string? text, IReadOnlyList<string> terms, int weight)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var words = NorwegianText.Words(text).Select(w => NorwegianText.Fold(text.Substring(w.Start, w.Length))).ToList();
        return terms.Sum(term => words.Select(word => Match(word, term)).DefaultIfEmpty(0).Max() * weight);
    }

    public static string Mark(string text, IReadOnlyList<string> terms)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (start, length) in NorwegianText.Words(text))
        {
            var word = text.Substring(start, length);
            if (terms.Any(t => Match(NorwegianText.Fold(word), t) > 0))
            {
                html.Append(Encoder.Encode(text[at..start])).Append("<mark>").Append(Encoder.Encode(word)).Append("</mark>");
                at = start + length;
            }
        }

        return html.Append(Encoder.Encode(text[at..])).ToString();
    }

    // A long text is cut to a window that starts a little before its first marked word.
    public static string Excerpt(string text, IReadOnlyList<string> terms)
    {
        if (text.Length <= ExcerptLength)
        {
            return Mark(text, terms);
        }

        var first = NorwegianText.Words(text).FirstOrDefault(w => terms.Any(t => Match(NorwegianText.Fold(text.Substring(w.Start, w.Length)), t) > 0));
        var start = Math.Max(0, first.Start - Lead);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first.Start ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + ExcerptLength);
        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is > 0 and var cut && cut > first.Start + first.Length)
        {
            end = cut;
        }

        return (start > 0 ? "… " : "") + Mark(text[start..end], terms) + (end < text.Length ? " …" : "");
    }

    // 3: the same word inflected; 2: the start of the word; 1: inside it (a later part of a compound).
    private static int Match(string foldedWord, string term)
    {
        if (NorwegianText.Stem(foldedWord) == term)
        {
            return 3;
        }

        if (foldedWord.StartsWith(term, StringComparison.Ordinal))
        {
            return 2;
        }

        return term.Length > 2 && foldedWord.Contains(term, StringComparison.Ordinal) ? 1 : 0;
    }
}
