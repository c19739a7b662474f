using System.Globalization;

namespace Samordning.Shared.Text;

/// <summary>
/// A text in Norwegian Bokmål and English, and in Nynorsk through <see cref="Nynorsk"/>: the Nynorsk catalog is keyed
/// by the Bokmål text (or, for a text built by interpolation, by its template), so call sites name two languages and
/// a test names every Bokmål text the catalog lacks. Bokmål is the default; English is chosen when the UI culture is
/// English, Nynorsk when it is Nynorsk.
/// </summary>
public readonly record struct LocalizedText(string Nb, string En)
{
    // The interpolation template the Nynorsk form was looked up by, for the test that the source scanner derives
    // the same key.
    private readonly string? template;

    /// <summary>
    /// A text written as interpolated strings, <c>new($"{n} møter", $"{n} meetings")</c>: the Bokmål template
    /// (<c>{0} møter</c>) is the catalog's key, and the Nynorsk form is made now, from the translated template and the
    /// same values, so it travels with the text (an event through the outbox, a stored notification).
    /// </summary>
    public LocalizedText(TextTemplate nb, string en) : this(nb.Text, en)
    {
        template = nb.Template;
        Nn = nb.InNynorsk();
    }

    /// <summary>
    /// The Nynorsk form when it is known when the text is made (an interpolated text, a name kept in the data);
    /// otherwise the catalog's form of <see cref="Nb"/> is used.
    /// </summary>
    public string? Nn { get; init; }

    internal string? Template => template;

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);

    /// <summary>The text in the given culture (a person's language in an e-mail).</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Localized.LanguageOf(culture) switch
        {
            "en" => En,
            "nn" => Nn ?? Nynorsk.Of(Nb),
            _ => Nb,
        };
    }

    /// <summary>The text in the given culture as a composite format filled with the values (an e-mail's template).</summary>
    public string Format(CultureInfo culture, params object?[] args) => string.Format(culture, In(culture), args);

    /// <summary>Converts to the text in the current UI culture.</summary>
    public static implicit operator string(LocalizedText text) => text.ToString();

    /// <summary>Equal when the Bokmål and English texts are (the Nynorsk form follows from the Bokmål one).</summary>
    public bool Equals(LocalizedText other) =>
        string.Equals(Nb, other.Nb, StringComparison.Ordinal) && string.Equals(En, other.En, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Nb, En);
}

/// <summary>Short-hand for writing a localized text: <c>T("Lagre", "Save")</c>.</summary>
public static class Localized
{
    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo NynorskCulture = CultureInfo.GetCultureInfo("nn-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The text in the current UI culture.</summary>
    public static string T(string nb, string en) => new LocalizedText(nb, en).ToString();

    /// <summary>
    /// The text in the current UI culture, written by interpolation: <c>T($"{n} møter", $"{n} meetings")</c>. The
    /// compiler chooses this overload for an interpolated Bokmål text, so its template is the Nynorsk catalog's key.
    /// </summary>
    public static string T(TextTemplate nb, string en) => new LocalizedText(nb, en).ToString();

    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish => Language == "en";

    /// <summary>True when the current UI culture is Nynorsk.</summary>
    public static bool IsNynorsk => Language == "nn";

    /// <summary>The current UI language: "nb", "nn" or "en".</summary>
    public static string Language => LanguageOf(CultureInfo.CurrentUICulture);

    /// <summary>The culture dates and numbers are written in for the current UI language (nb-NO, nn-NO or en-GB).</summary>
    public static CultureInfo Culture => CultureOf(Language);

    /// <summary>"en" for English, "nn" for Nynorsk, else "nb" (Bokmål, also for "no").</summary>
    public static string LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "en" => "en",
            "nn" => "nn",
            _ => "nb",
        };
    }

    /// <summary>The culture for a language code ("nb", "nn", "en"; anything else is Bokmål).</summary>
    public static CultureInfo CultureOf(string? language) => language?.ToLowerInvariant() switch
    {
        "en" => English,
        "nn" => NynorskCulture,
        _ => Bokmal,
    };

    /// <summary>A name kept in the data in three languages, in the current UI language (see <see cref="Pick"/>).</summary>
    public static string Name(string nb, string? en, string? nn = null) => Pick(Language, nb, en, nn);

    /// <summary>
    /// A text kept in the data in three languages, in the given language ("nb", "nn", "en"): the Nynorsk or English one
    /// falls back to Bokmål when it is not given (rows stored before Nynorsk existed, names that are the same).
    /// </summary>
    public static string Pick(string? language, string nb, string? en, string? nn) => language switch
    {
        "en" when !string.IsNullOrEmpty(en) => en,
        "nn" when !string.IsNullOrEmpty(nn) => nn,
        _ => nb,
    };
}
