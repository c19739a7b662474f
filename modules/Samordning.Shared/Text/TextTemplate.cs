using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Samordning.Shared.Text;

/// <summary>
/// A Bokmål text written as an interpolated string, kept twice: the text as interpolation writes it, and the
/// composite-format template (<c>$"{n} av {total}"</c> gives <c>{0} av {1}</c>) with the hole values, so the template
/// is the Nynorsk catalog's key and the Nynorsk template is filled with the same values.
/// </summary>
[InterpolatedStringHandler]
public readonly struct TextTemplate
{
    private readonly StringBuilder text;
    private readonly StringBuilder template;
    private readonly List<object?> values;

    /// <summary>Called by the compiler for an interpolated string.</summary>
    public TextTemplate(int literalLength, int formattedCount)
    {
        text = new StringBuilder(literalLength + (formattedCount * 8));
        template = new StringBuilder(literalLength + (formattedCount * 4));
        values = new List<object?>(formattedCount);
    }

    /// <summary>The text as the interpolation writes it (holes formatted in the current culture).</summary>
    public string Text => text.ToString();

    /// <summary>The composite-format template: the catalog's key.</summary>
    public string Template => template.ToString();

    /// <summary>The Nynorsk form: the catalog's template filled with the values (a value that is itself a text in Nynorsk).</summary>
    public string InNynorsk() => Nynorsk.Of(Text, Template, [.. values.Select(v => v is LocalizedText t ? t.In(NynorskCulture) : v)]);

    private static CultureInfo NynorskCulture => CultureInfo.GetCultureInfo("nn-NO");

    /// <summary>Called by the compiler for a literal part.</summary>
    public void AppendLiteral(string value)
    {
        text.Append(value);
        template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    }

    /// <summary>Called by the compiler for a hole.</summary>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    /// <summary>Called by the compiler for a hole with a format.</summary>
    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    /// <summary>Called by the compiler for a hole with an alignment.</summary>
    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    /// <summary>Called by the compiler for a hole with an alignment and a format.</summary>
    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        var spec = (alignment == 0 ? "" : "," + alignment.ToString(CultureInfo.InvariantCulture)) + (format is null ? "" : ":" + format);
        template.Append('{').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append(spec).Append('}');
        values.Add(value);
        // A hole that is itself a text is written in Bokmål in the Bokmål text (and in Nynorsk in the Nynorsk one).
        text.AppendFormat(CultureInfo.CurrentCulture, "{0" + spec + "}", value is LocalizedText inner ? inner.Nb : value);
    }
}
