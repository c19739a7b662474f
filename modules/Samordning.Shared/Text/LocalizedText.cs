using System.Globalization;

namespace Samordning.Shared.Text;

/// <summary>
/// A text in Norwegian Bokmål and English. Bokmål is the default; English is chosen when the request's UI
/// culture is English. Keeping both languages side by side in the code means no string can miss a translation.
/// </summary>
public readonly record struct LocalizedText(string Nb, string En)
{
    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => IsEnglish(CultureInfo.CurrentUICulture) ? En : Nb;

    /// <summary>The text in the given culture.</summary>
    public string In(CultureInfo culture) => IsEnglish(culture) ? En : Nb;

    /// <summary>Converts to the text in the current UI culture.</summary>
    public static implicit operator string(LocalizedText text) => text.ToString();

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}

/// <summary>Short-hand for writing a localized text: <c>T("Lagre", "Save")</c>.</summary>
public static class Localized
{
    /// <summary>The text in the current UI culture.</summary>
    public static string T(string nb, string en) => new LocalizedText(nb, en).ToString();

    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
