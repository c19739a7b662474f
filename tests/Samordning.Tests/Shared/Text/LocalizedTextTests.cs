using System.Globalization;
using System.Text.Json;
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

    [Fact]
    public void ToString_Nynorsk_CatalogForm()
    {
        using var _ = UiCulture.Use("nn-NO");

        Assert.Equal("Ikkje aktiv", new LocalizedText("Ikke aktiv", "Inactive").ToString());
        Assert.Equal("Ikkje aktiv", Localized.T("Ikke aktiv", "Inactive"));
        Assert.True(Localized.IsNynorsk);
        Assert.Equal(("nn", "nn-NO"), (Localized.Language, Localized.Culture.Name));
    }

    [Fact]
    public void In_NeutralNynorsk_CatalogForm()
    {
        Assert.Equal("Ikkje aktiv", new LocalizedText("Ikke aktiv", "Inactive").In(CultureInfo.GetCultureInfo("nn")));
    }

    [Fact]
    public void ToString_NynorskTextNotInCatalog_Bokmal()
    {
        using var _ = UiCulture.Use("nn-NO");

        Assert.Equal("Ingen slik tekst", new LocalizedText("Ingen slik tekst", "No such text").ToString());
    }

    [Fact]
    public void Interpolated_Nynorsk_TranslatedTemplateWithTheSameValues()
    {
        var count = 3;
        var inner = new LocalizedText("Ikke aktiv", "Inactive");

        using var _ = UiCulture.Use("nn-NO");

        Assert.Equal("3 personar", Localized.T($"{count} personer", $"{count} people"));
        Assert.Equal("Ukjend rolle: 3.", new LocalizedText($"Ukjent rolle: {count}.", $"Unknown role: {count}.").ToString());
        // A hole holding a text is written in Nynorsk too.
        Assert.Equal("Ikkje aktiv må fyllast ut.", new LocalizedText($"{inner} må fylles ut.", $"{inner} is required.").ToString());
    }

    [Fact]
    public void Interpolated_BokmalAndEnglish_AsInterpolationWritesThem()
    {
        var total = 1234;

        var text = new LocalizedText($"{total,6:N0} {{x}}", $"{total} of");

        Assert.Equal($"{total,6:N0} {{x}}", text.Nb);
        Assert.Equal("1234 of", text.En);
    }

    [Fact]
    public void Serialized_InterpolatedText_KeepsItsNynorskForm()
    {
        var count = 3;
        var text = new LocalizedText($"{count} personer", $"{count} people");

        var copy = JsonSerializer.Deserialize<LocalizedText>(JsonSerializer.Serialize(text));

        Assert.Equal("3 personar", copy.In(CultureInfo.GetCultureInfo("nn-NO")));
        Assert.Equal(text, copy);
    }

    [Fact]
    public void Name_Nynorsk_NynorskNameElseBokmal()
    {
        using var _ = UiCulture.Use("nn-NO");

        Assert.Equal("Utanriksdepartementet", Localized.Name("Utenriksdepartementet", "Ministry of Foreign Affairs", "Utanriksdepartementet"));
        Assert.Equal("Finansdepartementet", Localized.Name("Finansdepartementet", "Ministry of Finance", null));
    }
}
