using System.Globalization;
using Samordning.Shared.Text;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Text;

public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Save = new("Lagre", "Save");

    [Theory]
    [InlineData("nb-NO", "Lagre")]
    [InlineData("en-GB", "Save")]
    [InlineData("en-US", "Save")]
    public void ToString_UiCulture_TextInThatLanguage(string culture, string expected)
    {
        using var _ = UiCulture.Use(culture);
        Assert.Equal(expected, Save.ToString());
    }

    [Fact]
    public void ToString_OtherLanguage_Bokmal()
    {
        // Bokmål is the default for every language the service does not offer.
        using var _ = UiCulture.Use("de-DE");
        Assert.Equal("Lagre", Save.ToString());
    }

    [Fact]
    public void In_GivenCulture_IgnoresCurrentUiCulture()
    {
        using var _ = UiCulture.Use("nb-NO");
        Assert.Equal("Save", Save.In(CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void ImplicitString_English_EnglishText()
    {
        using var _ = UiCulture.Use("en-GB");
        string text = Save;
        Assert.Equal("Save", text);
    }

    [Theory]
    [InlineData("nb-NO", false)]
    [InlineData("en-GB", true)]
    public void IsEnglish_UiCulture_MatchesLanguage(string culture, bool expected)
    {
        using var _ = UiCulture.Use(culture);
        Assert.Equal(expected, Localized.IsEnglish);
        Assert.Equal(expected ? "Save" : "Lagre", Localized.T("Lagre", "Save"));
    }
}
