using CsCheck;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Tests.Workstreams.Overlaps;

public sealed class OverlapTextTests
{
    [Theory]
    [InlineData("tjenestene", "tjeneste")]
    [InlineData("tjenester", "tjeneste")]
    [InlineData("kommunane", "kommunar")]
    [InlineData("plassene", "plass")]
    [InlineData("digitaliseringen", "digitalisering")]
    public void Stem_InflectedForms_MeetTheSameStem(string inflected, string other) =>
        Assert.Equal(OverlapText.Stem(other), OverlapText.Stem(inflected));

    [Fact]
    public void Normalise_AccentsAndNorwegianLetters_AccentsFoldedÆøåKept() =>
        Assert.Equal("ide for skøyteløpere på færøyene", OverlapText.Normalise("Idé for Skøyteløpere på Færøyene"));

    // What people paste: emoji (surrogate pairs), accents, controls, any character at all; CI found an emoji on the
    // initiative page taking it down.
    [Fact]
    public void Words_AnyTextWithEmoji_NeverThrowsAndFindsTheWords() =>
        Gen.OneOf(Gen.Char['\uD800', '\uDFFF'], Gen.Char['\u0080', '\u024F'], Gen.Char['a', 'z'], Gen.Char).Array[0, 40]
            .Select(chars => new string(chars) + "\uD83D\uDE00barnehage\uD83D\uDE00plass")
            .Sample(text =>
            {
                var words = OverlapText.Words(text).ToList();
                Assert.Contains(words, w => w.Word.Contains("barnehage", StringComparison.Ordinal));
            });

    [Fact]
    public void Normalise_Accent_Folded() => Assert.Equal("kafe", OverlapText.Normalise("Kafé"));

    [Fact]
    public void Words_StopWordsOfBokmalAndNynorsk_Dropped() =>
        Assert.Equal(["barnehage", "kommunane"], OverlapText.Words("Og ikkje i barnehage for kommunane, men ikke").Select(w => w.Word));

    [Theory]
    [InlineData("utsleppsfrie byggjeplassar", "utslippsfrie byggeplasser")]
    [InlineData("kommunale omsorgstenester heime", "kommunale omsorgstjenester hjemme")]
    [InlineData("sjuke born i skulen", "syke barn i skolen")]
    public void Words_NynorskAndBokmalSpellings_MeetTheSameStems(string nynorsk, string bokmal) =>
        Assert.Equal(OverlapText.Words(bokmal).Select(w => w.Stem), OverlapText.Words(nynorsk).Select(w => w.Stem));
}
