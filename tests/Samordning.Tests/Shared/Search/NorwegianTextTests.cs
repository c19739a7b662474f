using Samordning.Shared.Search;

namespace Samordning.Tests.Shared.Search;

public sealed class NorwegianTextTests
{
    [Theory]
    [InlineData("Næring", "naering")]
    [InlineData("ØKONOMI", "oekonomi")]
    [InlineData("Ålesund", "aalesund")]
    [InlineData("Tromsø kommune", "tromsoe kommune")]
    [InlineData("Café Müller", "cafe muller")]
    [InlineData("Ärlig", "aerlig")]
    public void Fold_NorwegianAndAccentedLetters_LowerCaseAscii(string text, string expected) =>
        Assert.Equal(expected, NorwegianText.Fold(text));

    [Theory]
    [InlineData("prosjektet", "prosjekt")]
    [InlineData("prosjektene", "prosjekt")]
    [InlineData("prosjekter", "prosjekt")]
    [InlineData("kommunen", "kommun")]
    [InlineData("kommunene", "kommun")]
    [InlineData("kommunens", "kommun")]
    [InlineData("innovasjonen", "innovasjon")]
    [InlineData("jentane", "jent")]
    [InlineData("bygda", "bygd")]
    [InlineData("sykehusets", "sykehus")]
    [InlineData("sykehus", "sykehus")]
    [InlineData("arbeidets", "arbeid")]
    [InlineData("data", "dat")]
    [InlineData("2026", "2026")]
    public void Stem_InflectedForms_CommonStem(string word, string expected) =>
        Assert.Equal(expected, NorwegianText.Stem(word));

    [Fact]
    public void Terms_Sentence_FoldedStemmedDistinct() =>
        Assert.Equal(["innovasjonsprosjekt", "i", "kommun"], NorwegianText.Terms("Innovasjonsprosjektene i Kommunene, i kommunen!"));

    [Fact]
    public void Of_Document_TitleBodyAndPersonalSectionsThatPatternsTellApart()
    {
        var index = SearchIndex.Of(new("Tittel", ["Brødtekst"], ["Hansson"]));

        Assert.Equal(" tittel | broedtekst | hansson ", index);
        Assert.Matches(Like(SearchIndex.InTitle("tittel")), index);
        Assert.DoesNotMatch(Like(SearchIndex.InTitle("broedtekst")), index);
        Assert.Matches(Like(SearchIndex.Readable("broedtekst")), index);
        Assert.DoesNotMatch(Like(SearchIndex.Readable("hansson")), index);
        Assert.Matches(Like(SearchIndex.Anywhere("hansson")), index);
    }

    // LIKE as the databases read these patterns: % is any run of characters, nothing else is special.
    private static string Like(string pattern) =>
        "^" + string.Join(".*", pattern.Split('%').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
}
