using System.Text;
using System.Text.RegularExpressions;

namespace Samordning.Tests.Shared.Text;

/// <summary>
/// The texts the code writes, read from the source the way the compiler reads their literals: every
/// <c>T("…", "…")</c>, <c>LocalizedText("…", "…")</c> and target-typed <c>new("…", "…")</c> whose first two arguments are
/// string literals, in .cs and .cshtml under modules/ and host/. A plain literal's key is its text; an interpolated
/// one's key is its composite-format template (the holes numbered in order), which is what
/// <see cref="Samordning.Shared.Text.TextTemplate"/> makes at run time.
/// </summary>
internal static partial class SourceTexts
{
    internal sealed record Found(string File, int Line, string Key, string? Problem);

    public static IReadOnlyList<Found> Scan(string root)
    {
        var found = new List<Found>();
        foreach (var folder in new[] { "modules", "host" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!(file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal)) ||
                    relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) ||
                    // Migrations hold no texts; seed data is demo content in the registry's languages, not interface text.
                    relative.Contains("/Migrations/", StringComparison.Ordinal) || relative.Contains("/Seed/", StringComparison.Ordinal))
                {
                    continue;
                }

                found.AddRange(ScanSource(File.ReadAllText(file), relative));
            }
        }

        return found;
    }

    public static IEnumerable<Found> ScanSource(string source, string file)
    {
        foreach (Match start in Call().Matches(source))
        {
            var line = 1 + source.AsSpan(0, start.Index).Count('\n');
            var first = ReadStrings(source, start.Index + start.Length, out var afterFirst, out var firstProblem);
            if (first is null)
            {
                continue;
            }

            if (firstProblem is not null)
            {
                yield return new Found(file, line, first, firstProblem);
                continue;
            }

            if (source[afterFirst] != ',' || ReadStrings(source, afterFirst + 1, out _, out _) is null || first.Length == 0)
            {
                continue;
            }

            yield return new Found(file, line, first, null);
        }
    }

    // A literal, or literals joined with +; null when the argument does not start with a literal.
    private static string? ReadStrings(string s, int i, out int end, out string? problem)
    {
        problem = null;
        var key = new StringBuilder();
        var kinds = new HashSet<bool>();
        var count = 0;
        while (true)
        {
            i = SkipSpace(s, i);
            if (!TryLiteral(s, i, out var text, out var after, out var interpolated))
            {
                end = i;
                if (count == 0)
                {
                    return null;
                }

                problem = "a text joined with something other than a literal cannot be looked up; write one literal";
                return key.ToString();
            }

            key.Append(text);
            kinds.Add(interpolated);
            count++;
            i = SkipSpace(s, after);
            if (s[i] != '+')
            {
                end = i;
                if (kinds.Count > 1)
                {
                    problem = "an interpolated text joined with a plain literal is not a template; write one interpolated string";
                }

                return key.ToString();
            }

            i++;
        }
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool TryLiteral(string s, int i, out string text, out int end, out bool interpolated)
    {
        text = "";
        end = i;
        var prefix = Prefix().Match(s, i);
        interpolated = prefix.Groups[1].Value.Contains('$', StringComparison.Ordinal);
        if (!prefix.Success || s.AsSpan(i).StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            return false;
        }

        var verbatim = prefix.Groups[1].Value.Contains('@', StringComparison.Ordinal);
        var builder = new StringBuilder();
        var hole = 0;
        for (var j = i + prefix.Length; j < s.Length;)
        {
            var c = s[j];
            if (c == '"')
            {
                if (verbatim && j + 1 < s.Length && s[j + 1] == '"')
                {
                    builder.Append('"');
                    j += 2;
                    continue;
                }

                text = builder.ToString();
                end = j + 1;
                return true;
            }

            if (c == '\\' && !verbatim)
            {
                j = Escape(s, j, builder);
            }
            else if (interpolated && c == '{' && s[j + 1] == '{')
            {
                builder.Append("{{");
                j += 2;
            }
            else if (interpolated && c == '{')
            {
                j = Hole(s, j + 1, out var spec);
                builder.Append('{').Append(hole++).Append(spec).Append('}');
            }
            else if (interpolated && c == '}')
            {
                builder.Append("}}");
                j += 2;
            }
            else if (c == '\n' && !verbatim)
            {
                return false;
            }
            else
            {
                builder.Append(c);
                j++;
            }
        }

        return false;
    }

    private static int Escape(string s, int j, StringBuilder builder)
    {
        var n = s[j + 1];
        if (n == 'u')
        {
            builder.Append((char)Convert.ToInt32(s.Substring(j + 2, 4), 16));
            return j + 6;
        }

        builder.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
        return j + 2;
    }

    // A hole's expression up to its closing brace; spec is its ",alignment" and/or ":format" as written.
    private static int Hole(string s, int j, out string spec)
    {
        var depth = 0;
        int? alignment = null;
        while (j < s.Length)
        {
            var c = s[j];
            if (c is '"' or '$' or '@' && TryLiteral(s, j, out _, out var after, out _))
            {
                j = after;
                continue;
            }

            if (c == '\'')
            {
                j++;
                while (s[j] != '\'')
                {
                    j += s[j] == '\\' ? 2 : 1;
                }

                j++;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' || (c == '}' && depth > 0))
            {
                depth--;
            }
            else if (c == '}' || (c == ':' && depth == 0))
            {
                var close = s.IndexOf('}', j);
                spec = (alignment is { } a ? s[a..j] : "") + s[j..close];
                return close + 1;
            }
            else if (c == ',' && depth == 0)
            {
                alignment = j;
            }

            j++;
        }

        throw new FormatException("An interpolation hole is not closed.");
    }

    [GeneratedRegex(@"(?<![\w])(?:T|LocalizedText|new)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\G(\$@|@\$|\$|@)?""")]
    private static partial Regex Prefix();
}
