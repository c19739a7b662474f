using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Samordning.Shared.Text;

/// <summary>
/// The Nynorsk catalog: one line per Bokmål text (or interpolation template), a tab, and its Nynorsk form, in the
/// embedded resource <c>Nynorsk.txt</c> beside this file. Sorted and one entry a line, so texts added on different
/// branches merge as added lines. Line breaks, tabs and backslashes in a text are written <c>\n</c>, <c>\t</c>, <c>\\</c>.
/// </summary>
public static class Nynorsk
{
    /// <summary>The resource's name in this assembly.</summary>
    public const string ResourceName = "Samordning.Shared.Text.Nynorsk.txt";

    private static readonly Lazy<FrozenDictionary<string, string>> Entries = new(() => Parse(ReadResource()));

    /// <summary>The catalog: Bokmål text or template → Nynorsk.</summary>
    public static IReadOnlyDictionary<string, string> Catalog => Entries.Value;

    /// <summary>The Nynorsk form of a Bokmål text; one the catalog lacks (a test names each) stays in Bokmål, the closer fallback.</summary>
    public static string Of(string nb) => Entries.Value.TryGetValue(nb, out var nn) ? nn : nb;

    /// <summary>The Nynorsk form of an interpolated text: its translated template filled with the same values.</summary>
    public static string Of(string nb, string template, object?[] values) =>
        Entries.Value.TryGetValue(template, out var nn) ? string.Format(Culture, nn, values) : nb;

    private static CultureInfo Culture => CultureInfo.GetCultureInfo("nn-NO");

    /// <summary>The catalog's lines as entries; throws naming the line that is not "Bokmål, tab, Nynorsk".</summary>
    public static FrozenDictionary<string, string> Parse(string catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in catalog.Split('\n'))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"Nynorsk.txt line {number}: expected \"Bokmål<TAB>Nynorsk\".");
            }

            if (!entries.TryAdd(Unescape(parts[0]), Unescape(parts[1])))
            {
                throw new FormatException($"Nynorsk.txt line {number}: \"{parts[0]}\" is given twice.");
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A text as the catalog writes it.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[++i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static string ReadResource()
    {
        using var stream = typeof(Nynorsk).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
