using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samordning.Shared.Export;

/// <summary>
/// Paragraph styles for a Word document the modules write, under Word's own style ids and names ("Heading1",
/// "heading 1"), so Word shows them as its headings, with outline levels for the navigation pane and a table of
/// contents; each keeps with the paragraph after it.
/// </summary>
public static class WordStyles
{
    /// <summary>A paragraph style: its id, Word's name for it, its size in half-points, and its outline level (null: none).</summary>
    /// <param name="Id">The style id paragraphs name (ParagraphStyleId).</param>
    /// <param name="Name">Word's built-in name for the style.</param>
    /// <param name="HalfPoints">The bold run size, in half-points.</param>
    /// <param name="OutlineLevel">0 for a first-level heading; null for a style that is no heading.</param>
    public sealed record Heading(string Id, string Name, int HalfPoints, int? OutlineLevel);

    /// <summary>Adds the styles part with the given bold, keep-with-next styles, based on Normal.</summary>
    public static void Add(MainDocumentPart main, params IEnumerable<Heading> headings)
    {
        ArgumentNullException.ThrowIfNull(main);
        var styles = new Styles();
        foreach (var heading in headings)
        {
            var paragraph = new StyleParagraphProperties(new KeepNext());
            if (heading.OutlineLevel is { } outline)
            {
                paragraph.Append(new OutlineLevel { Val = outline });
            }

            styles.Append(new Style(
                new StyleName { Val = heading.Name },
                new BasedOn { Val = "Normal" },
                new PrimaryStyle(),
                paragraph,
                new StyleRunProperties(new Bold(), new FontSize { Val = heading.HalfPoints.ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = heading.Id });
        }

        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }
}
