using System.Text.Json;
using System.Xml;
using CsCheck;
using Samordning.Shared.Text;

namespace Samordning.Tests.Shared.Text;

public sealed class PlainTextTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new PlainTextJsonConverter() } };

    // Any UTF-16: every control, both halves of surrogates alone and in pairs, non-characters, ordinary letters.
    internal static readonly Gen<string> AnyText = Gen.OneOf<char>(
            Gen.Char['\u0000', '\u001F'],
            Gen.Char['\u007F', '\u009F'],
            Gen.Char['\uD800', '\uDFFF'],
            Gen.OneOfConst('\u2028', '\u2029', '\uFFFE', '\uFFFF', '\r', '\n', '\t'),
            Gen.Char['a', 'z'],
            Gen.Char)
        .Array[0, 40]
        .Select(chars => new string(chars));

    // Text a person could paste: controls, line and paragraph separators, letters and emoji, but no lone surrogate
    // (which a JSON reader without the rule refuses outright, so it would never reach the store).
    internal static readonly Gen<string> PastedText = Gen.OneOf<string>(
            Gen.Char['\u0000', '\u001F'].Select(c => c.ToString()),
            Gen.Char['\u007F', '\u009F'].Select(c => c.ToString()),
            Gen.OneOfConst("\u2028", "\u2029", "\r", "\n", "\t", "😀", "æøå", " "),
            Gen.Char['a', 'z'].Select(c => c.ToString()))
        .Array[0, 20]
        .Select(string.Concat);

    [Theory]
    [InlineData("Linje 1\u000BLinje 2", "Linje 1\nLinje 2")] // Word's manual line break
    [InlineData("a\u000Cb\u0085c\u2028d\u2029e", "a\nb\nc\nd\ne")]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("a\u0000b\u0001c\u001Fd\u007Fe\u0080f\u009Fg", "abcdefg")]
    [InlineData("a\uFFFEb\uFFFF", "ab")]
    [InlineData("Tab\tog emoji 😀 æøå – “sitat” 中文", "Tab\tog emoji 😀 æøå – “sitat” 中文")]
    public void Normalize_Controls_LineBreaksKeptOthersRemoved(string text, string expected) =>
        Assert.Equal(expected, PlainText.Normalize(text));

    // Not as InlineData: a lone surrogate does not survive the test runner's serialisation of theory data.
    [Fact]
    public void Normalize_LoneSurrogates_Replaced()
    {
        Assert.Equal("a\uFFFDb\uFFFDc", PlainText.Normalize("a\uD800b\uDC00c"));
        Assert.Equal("slutt\uFFFD", PlainText.Normalize("slutt\uD83D"));
        Assert.Equal("\uFFFD😀", PlainText.Normalize("\uDE00😀"));
    }

    [Fact]
    public void Normalize_NothingToChange_SameInstance()
    {
        var text = "Helt vanlig tekst med æøå og 😀.\nTo linjer.";
        Assert.Same(text, PlainText.Normalize(text));
    }

    [Fact]
    public void Normalize_AnyText_OnlyXmlCharactersAndStable() =>
        AnyText.Sample(text =>
        {
            var normalized = PlainText.Normalize(text);
            Assert.Equal(normalized, PlainText.Normalize(normalized));
            Assert.DoesNotContain('\r', normalized);
            Assert.True(IsXml(normalized), "Not XML text: " + string.Join(" ", normalized.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))));
        });

    [Fact]
    public void JsonConverter_ControlsAndLoneSurrogateEscapes_ReadNormalized()
    {
        var read = JsonSerializer.Deserialize<string[]>("""["a\u000Bb\u0001", "x\ud800y", "\ud83d\ude00", "ok"]""", Options)!;

        Assert.Equal(["a\nb", "x\uFFFDy", "😀", "ok"], read);
    }

    [Fact]
    public void JsonConverter_NumberForText_RefusedAsJson()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<string[]>("[1]", Options));
    }

    private static bool IsXml(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
