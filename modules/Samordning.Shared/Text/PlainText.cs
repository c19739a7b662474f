using System.Text;

namespace Samordning.Shared.Text;

/// <summary>
/// The one rule for what text the app accepts and writes. Text is normalised, never refused, because what people
/// paste (Word's manual line break is U+000B) is not theirs to see or fix:
/// <list type="bullet">
/// <item>line breaks become <c>\n</c>: CRLF, a lone CR, and the characters that mean a line or page break
/// (U+000B, U+000C, U+0085, U+2028, U+2029);</item>
/// <item>other control characters (C0 except tab and line feed, DEL, C1) and the non-characters U+FFFE/U+FFFF are removed;</item>
/// <item>a lone surrogate becomes U+FFFD; a valid pair (an emoji) and everything else is kept.</item>
/// </list>
/// The result holds only characters XML 1.0 allows, so every document writer (Excel, Word, iCalendar) can take it.
/// </summary>
public static class PlainText
{
    private const char Replacement = '\uFFFD';

    /// <summary>The text as the app accepts it; the same instance when nothing needs to change.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstToChange(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(Replacement);
            }
            else if (IsLineBreak(c))
            {
                builder.Append('\n');
            }
            else if (!IsRemoved(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Any text, also text stored before the rule existed or <c>null</c>, as text a document can hold: what every
    /// export and document writer puts in its XML or calendar.
    /// </summary>
    public static string Safe(string? text) => text is null ? "" : Normalize(text);

    // The index of the first character the rule changes, or -1: the common case costs one scan and no allocation.
    private static int FirstToChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F' or '\n' or '\t')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c == '\r' || char.IsSurrogate(c) || IsLineBreak(c) || IsRemoved(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\u000B' or '\u000C' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsRemoved(char c) =>
        (c < ' ' && c is not '\t' and not '\n') || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF';
}
