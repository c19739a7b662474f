using System.Globalization;
using System.Text;
using Samordning.Shared.Search;

namespace Samordning.Workstreams.Overlaps;

// How the overlap finder reads Norwegian initiative texts (issue 17): lower-cased, accents folded but æ, ø and å
// kept (they are letters of their own, and "får" is not "far"), stop words of Bokmål and Nynorsk dropped, each word
// reduced by a light stemmer so inflected forms meet ("tjenestene", "tjenester", "tenestene" → one stem per form),
// and cut into character 4-grams so the parts of compound words meet ("barnehageplasser" and "plass i barnehage").
// Its own rules rather than the search's NorwegianText: search folds æøå to ASCII for people typing without them,
// which would merge words here that only look alike.
internal static class OverlapText
{
    public const int GramLength = 4;

    // Stemming never leaves fewer letters than this, so short words keep their meaning.
    private const int MinimumStem = 4;

    // Inflection and the commonest derivations, longest first; Bokmål and Nynorsk forms.
    private static readonly string[] Endings =
    [
        "ingane", "ingene", "ingens", "ingar", "ingen", "inger", "hetene", "heitene", "heiter", "heten", "heter",
        "inga", "ande", "ende", "ane", "ene", "ens", "ers", "ets", "ing", "ert", "ar", "er", "en", "et", "a", "e",
    ];

    private static readonly HashSet<string> StopWords = new(
        """
        og i på til for av med som er en et ei ein eit gjer den det de dei der da då om ikkje ikke ved fra frå til at å har hadde
        blir blei ble vert vart være vere skal skulle kan kunne vil ville må måtte bør sin sitt sine sitt seg oss vi
        me dere de dykk han ho hun hen vår vårt våre deres deira hans hennar hennes sin også òg eller men så enn
        etter før under over mellom mot uten utan gjennom innen innan hos blant mer meir mest flere fleire alle
        andre annen anna anna nye ny nytt mange mykje mye noen nokre noko noe hver kvar hvert kvart hvor kor
        hvordan korleis hva kva hvem kven når dette denne disse desse slik slike sånn bare berre kun both the of
        and to in on with samt både enten inn ut opp ned nå no her mellom rundt per via del deler
        tiltak tiltaket prosjekt prosjektet arbeid arbeidet
        """.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    // Nynorsk spellings that stemming cannot bring to the Bokmål form, written as Bokmål inside any word, so a
    // Nynorsk text meets a Bokmål one ("utsleppsfrie byggjeplassar" – "utslippsfrie byggeplasser").
    private static readonly (string Nynorsk, string Bokmal)[] Spellings =
    [
        ("tenest", "tjenest"), ("utslepp", "utslipp"), ("breiband", "bredbånd"), ("sjuk", "syk"), ("heime", "hjemme"),
        ("heim", "hjem"), ("skule", "skole"), ("byggj", "bygg"), ("utanfor", "utenfor"), ("fylka", "fylke"), ("høg", "høy"),
    ];

    private static readonly Dictionary<string, string> WholeWords = new(StringComparer.Ordinal)
    {
        ["born"] = "barn",
        ["borna"] = "barna",
        ["ungdomar"] = "ungdommer",
    };

    // Lower case, accents off (é → e, ü → u) but æ, ø, å kept.
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            // A surrogate is half of a character (an emoji): kept as it is, since normalising half a character throws.
            if (c is 'æ' or 'ø' or 'å' || c < 128 || char.IsSurrogate(c))
            {
                builder.Append(c);
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            foreach (var part in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(part);
                }
            }
        }

        return builder.ToString();
    }

    // The words that carry meaning, normalised, in order, each with its stem.
    public static IEnumerable<(string Word, string Stem)> Words(string? text)
    {
        var normal = Normalise(text);
        foreach (var (start, length) in NorwegianText.Words(normal))
        {
            var word = normal.Substring(start, length);
            if (word.Length > 1 && !StopWords.Contains(word) && !word.All(char.IsDigit))
            {
                yield return (word, Stem(AsBokmal(word)));
            }
        }
    }

    public static string AsBokmal(string word)
    {
        if (WholeWords.TryGetValue(word, out var bokmal))
        {
            return bokmal;
        }

        foreach (var (nynorsk, replacement) in Spellings)
        {
            if (word.Contains(nynorsk, StringComparison.Ordinal))
            {
                word = word.Replace(nynorsk, replacement, StringComparison.Ordinal);
            }
        }

        return word;
    }

    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    // The character 4-grams of a stem, with its start marked so that "plas" at a word's start weighs as such.
    public static IEnumerable<string> Grams(string stem)
    {
        var marked = "_" + stem;
        if (marked.Length <= GramLength)
        {
            yield return marked;
            yield break;
        }

        for (var i = 0; i + GramLength <= marked.Length; i++)
        {
            yield return marked.Substring(i, GramLength);
        }
    }
}
