using System.Globalization;
using System.Text;

namespace Samordning.Shared.Search;

/// <summary>
/// How search reads Norwegian text, the same way on the way in (the stored index) and on the way out (the query and
/// the highlighting): lower-cased, letters folded to ASCII the way Norwegians write without their keyboard
/// (æ → ae, ø → oe, å → aa, so "naering" finds "Næring" and "Aasen" finds "Åsen"), accents dropped, and each word
/// reduced to its stem by a light stemmer for Norwegian inflection (the Snowball algorithm's first step).
/// </summary>
public static class NorwegianText
{
    // Stemming never leaves fewer letters than this, so short words keep their meaning.
    private const int MinimumStem = 3;

    // The Snowball Norwegian stemmer's first step, longest first: these endings go when they lie in R1.
    private static readonly string[] Endings =
    [
        "hetenes", "hetene", "hetens", "heten", "heter", "endes", "edes", "enes", "ande", "ende", "ane", "ene", "ede",
        "ens", "ers", "ets", "het", "ast", "en", "ar", "er", "as", "es", "et", "a", "e",
    ];

    // What Stem can take off the end of a word: an ending, the "te" or "t" of -erte/-ert, or a final s.
    private static readonly string[] RemovedEndings = [.. Endings, "te", "t", "s"];

    /// <summary>Lower-cases and folds <paramref name="text"/> (æ → ae, ø → oe, å → aa, accents dropped).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            AppendFolded(builder, char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The words of <paramref name="text"/> (runs of letters and digits) with where each starts and its length.</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>The search terms of <paramref name="text"/>: each word folded and stemmed, in order, without repeats.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. Words(text).Select(w => Stem(Fold(text.Substring(w.Start, w.Length)))).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Terms that the stored index of any text holding <paramref name="text"/> (as it is: a case-sensitive substring)
    /// has inside its own terms, so that a lookup of them in the suffix index finds every such text and more, never
    /// fewer; the caller then checks each row found against the substring itself. The index keeps each word's stem,
    /// the folded word less an ending (<see cref="Stem"/>); what a piece of the text is sure to leave in it:
    /// <list type="bullet">
    /// <item>a word with a separator on both sides in <paramref name="text"/> is a whole word of the text: its term;</item>
    /// <item>any other piece lies somewhere in a longer word, whose stem may have lost an ending the piece reaches into:
    /// its folded letters up to where an ending the stemmer removes could begin (the whole piece when none could), and
    /// for a piece at the start of a word at least those before the word's R1, which no ending reaches;</item>
    /// <item>a piece with a digit in it lies in a word with a digit, which is never stemmed: all of it.</item>
    /// </list>
    /// A piece with little sure left gives a short term (such as "g" of "gene", which "hagene" holds in its ending
    /// while its stem is "hag"), which the suffix index cannot look up: for a text of only such pieces only a scan
    /// answers.
    /// </summary>
    public static IReadOnlyList<string> SubstringTerms(string text) =>
        [.. SubstringWords(text).Select(w => w.Term).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Each word of <paramref name="text"/> as it stands there, with its term as <see cref="SubstringTerms"/> makes it
    /// (possibly empty), in order and with repeats: for a caller that must know which piece of the text gave a term.
    /// </summary>
    public static IEnumerable<(string Word, string Term)> SubstringWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (start, length) in Words(text))
        {
            var word = text.Substring(start, length);
            var folded = Fold(word);
            var startsWord = start > 0;
            var endsWord = start + length < text.Length;
            var term = (startsWord, endsWord) switch
            {
                (true, true) => Stem(folded),
                _ when folded.Any(char.IsDigit) => folded,
                (true, false) => folded[..Math.Max(SurvivingPrefix(folded, endsWord), Math.Min(folded.Length, RegionOne(folded)))],
                _ => folded[..SurvivingPrefix(folded, endsWord)],
            };
            yield return (word, term);
        }
    }

    // How many letters of a folded piece of a word the word's stem surely keeps: the piece sits in the word at some
    // place, and the stem is the word less a removed ending (or the word), so the piece loses the part from where an
    // ending begins. That can only be where the rest of the piece is the start of a removable ending (the whole of
    // one when the piece ends the word), or nowhere in the piece when the piece lies inside an ending.
    private static int SurvivingPrefix(string piece, bool endsWord)
    {
        if (RemovedEndings.Any(e => endsWord ? e.Length > piece.Length && e.EndsWith(piece, StringComparison.Ordinal) : e.IndexOf(piece, 1, StringComparison.Ordinal) >= 0))
        {
            return 0;
        }

        for (var k = 0; k < piece.Length; k++)
        {
            var rest = piece[k..];
            if (RemovedEndings.Any(e => endsWord ? e == rest : e.StartsWith(rest, StringComparison.Ordinal)))
            {
                return k;
            }
        }

        return piece.Length;
    }

    /// <summary>
    /// The stem of one folded word: the longest inflection ending in R1 removed (-en, -et, -ene, -er, -ane, -a, -ers, …),
    /// a genitive or compound-joining -s after a consonant that allows it, and -erte/-ert shortened to -er.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Any(char.IsDigit))
        {
            return word;
        }

        var r1 = RegionOne(word);
        foreach (var ending in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= r1)
            {
                return word[..^ending.Length];
            }
        }

        if ((word.EndsWith("erte", StringComparison.Ordinal) || word.EndsWith("ert", StringComparison.Ordinal)) && word.LastIndexOf("ert", StringComparison.Ordinal) >= r1)
        {
            return word[..(word.LastIndexOf("ert", StringComparison.Ordinal) + 2)];
        }

        if (word.Length - 1 >= r1 && word.EndsWith('s') && EndsWithSEnding(word[..^1]))
        {
            return word[..^1];
        }

        return word;
    }

    // R1 starts after the first consonant that follows a vowel, but leaves at least MinimumStem letters before it.
    private static int RegionOne(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                return Math.Max(i + 1, MinimumStem);
            }
        }

        return word.Length;
    }

    // Snowball's valid s-endings: b c d f g h j l m n o p r t v y z, or k after a consonant.
    private static bool EndsWithSEnding(string stem) =>
        stem.Length > 0 && ("bcdfghjlmnoprtvyz".Contains(stem[^1], StringComparison.Ordinal)
            || (stem[^1] == 'k' && stem.Length > 1 && !IsVowel(stem[^2])));

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'æ' or 'ä':
                builder.Append("ae");
                return;
            case 'ø' or 'ö' or 'œ':
                builder.Append("oe");
                return;
            case 'å':
                builder.Append("aa");
                return;
            case 'ß':
                builder.Append("ss");
                return;
        }

        if (c < 128)
        {
            builder.Append(c);
            return;
        }

        // Other accented letters lose the accent (é → e, ü → u); what has no base letter is kept as it is.
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(part);
            }
        }
    }
}
