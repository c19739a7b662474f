using CsCheck;
using Samordning.Shared.Search;

namespace Samordning.Tests.Shared.Search;

// The register's search finds a text by any piece of it, as it is (a case-sensitive substring), and takes its
// candidates from the suffix index, which holds each word's stem only. What NorwegianText.SubstringTerms says a piece
// leaves in the index must be there for every text the piece is in, or the register would miss an item it finds
// today: in the stored index's words (SQLite's suffix table is made of them) and in PostgreSQL's suffix text.
public sealed class SubstringTermsProperties
{
    [Fact]
    public void SubstringTerms_AnyPieceOfAnyText_EachInsideAWordOfTheTextsIndex() =>
        RegisterTexts.TextAndPiece.Sample((text, piece) =>
        {
            var index = SearchIndex.Of(new(null, [text]));
            var words = index.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries);
            var suffixes = SearchSuffixes.Of(index).Split(' ').ToHashSet(StringComparer.Ordinal);
            foreach (var term in NorwegianText.SubstringTerms(piece))
            {
                Assert.True(words.Any(w => w.Contains(term, StringComparison.Ordinal)), $"'{term}' of '{piece}' is in no word of {index}");
                if (term.Length >= SearchFullTextSql.ShortestToken)
                {
                    var start = "b" + (term.Length > SearchFullTextSql.LongestToken ? term[..SearchFullTextSql.LongestToken] : term);
                    Assert.True(suffixes.Any(s => s.StartsWith(start, StringComparison.Ordinal)), $"'{term}' of '{piece}' starts no suffix of {index}");
                }
            }
        }, iter: 20_000);

    [Theory]
    [InlineData("gene", new[] { "g" })] // "hagene" holds it in its ending ("ene"), and its stem is "hag"
    [InlineData("barnehage", new[] { "barnehag" })] // "barnehagen": the last e may begin an ending
    [InlineData("universell", new[] { "universell" })]
    [InlineData("Mange barnehager trenger", new[] { "mang", "barnehag", "treng" })] // whole middle word: its stem; the last word's start: up to R1 or an ending
    [InlineData("plass 2026", new[] { "plas", "2026" })]
    public void SubstringTerms_Pieces_WhatTheirWordsSurelyKeep(string piece, string[] expected) =>
        Assert.Equal(expected, NorwegianText.SubstringTerms(piece));

    [Fact]
    public void SuffixesOf_TextPastTheLimit_CutAndMarked()
    {
        var index = SearchIndex.Of(new(null, [RegisterTexts.LongerThanTheSuffixLimit]));

        var suffixes = SearchSuffixes.Of(index);

        Assert.EndsWith(" " + SearchSuffixes.Cut, suffixes, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(suffixes) <= SearchSuffixes.MaxBytes + 2);
        Assert.DoesNotContain(" " + SearchSuffixes.Cut + " ", SearchSuffixes.Of(SearchIndex.Of(new(null, ["x xx xxx xxxx"]))) + " ", StringComparison.Ordinal);
    }
}

// Texts as people paste them into the register: Norwegian words, inflected and compounded, capitals, digits,
// punctuation, and what Word leaves in (soft hyphens, no-break spaces, curly quotes, dashes, ellipses).
internal static class RegisterTexts
{
    private static readonly string[] Parts =
    [
        "barne", "hage", "plass", "ene", "er", "et", "en", "het", "erte", "ert", "e", "a", "s", "ane", "ande", "hetene",
        "skole", "Øy", "øy", "Å", "å", "æ", "Æ", "ål", "kommun", "Universell", "univers", "ell", "helse", "té", "ü", "2026", "7",
        "q", "x", "ing", "dig", "ital", "is", "ering", "UT", "tromsø", "Ærlig", "ast", "ens", "ers",
    ];

    private static readonly string[] Separators =
    [
        " ", " ", " ", ", ", ". ", "-", "\u00AD", "\u00A0", "\u2019", "\u2018", "\u201C", "\u201D", "\u2013", "\u2026", "/", "(", ")", "\n", "'", "\"", ": ",
    ];

    // A word of one to four parts; sometimes a letter from anywhere in the Latin blocks.
    private static readonly Gen<string> Word = Gen.Frequency(
        (9, Gen.OneOfConst(Parts).Array[1, 4].Select(p => string.Concat(p))),
        (1, Gen.Char['\u00C0', '\u024F'].Array[1, 3].Select(c => new string(c))));

    public static readonly Gen<string> Text =
        Gen.Select(Word, Gen.OneOfConst(Separators)).Array[1, 12].Select(ws => string.Concat(ws.Select(w => w.Item1 + w.Item2)));

    // A text and a piece of it (of one to thirty characters, anywhere), trimmed as the register trims a search.
    public static readonly Gen<(string Text, string Piece)> TextAndPiece =
        Text.SelectMany(text => Gen.Int[0, text.Length - 1].SelectMany(start => Gen.Int[1, Math.Min(30, text.Length - start)].Select(length => (text, text.Substring(start, length).Trim()))))
            .Where(p => p.Item2.Length > 0);

    // One word of 20,000 Cyrillic letters in no pattern (so its suffixes differ): they pass the most PostgreSQL's
    // suffix text keeps (SearchSuffixes.MaxBytes).
    public static string LongerThanTheSuffixLimit { get; } = LongWord();

    private static string LongWord()
    {
        var random = new Random(19);
        return new([.. Enumerable.Range(0, 20_000).Select(_ => (char)('\u0430' + random.Next(32)))]);
    }
}
