using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Contracts;

/// <summary>
/// The find without script beside an initiative picker, inside its form (<see cref="InitiativeFind"/>):
/// <c>&lt;initiative-find for-select="Input_InitiativeIds" find="Model.Find" /&gt;</c>. After a find for this picker,
/// it shows the search and what it came to, and takes the focus, so the person hears the outcome where they were.
/// The type-ahead (js/typeahead.js) removes it, as the combobox it adds does the same with script.
/// </summary>
[HtmlTargetElement("initiative-find", Attributes = "for-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InitiativeFindTagHelper : TagHelper
{
    /// <summary>The id of the picker's select.</summary>
    public string ForSelect { get; set; } = "";

    /// <summary>The page's last find, if any (it may be another picker's).</summary>
    public InitiativeFind? Find { get; set; }

    /// <summary>Words that tell this picker's button from another form's on the same page, for screen readers.</summary>
    public string? Context { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var id = $"{ForSelect}-finn";
        var mine = Find is { } find && string.Equals(find.Picker, ForSelect, StringComparison.Ordinal) ? find : null;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field initiative-find");
        output.Attributes.SetAttribute("data-initiative-find", ForSelect);

        var label = new TagBuilder("label");
        label.AddCssClass("ds-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Localized.T("Søk etter tiltak", "Search for an initiative"));
        output.Content.AppendHtml(label);
        output.Content.AppendHtml(Paragraph("div", "ds-field-description", $"{id}-description", Localized.T(
            "Skriv ord fra tittelen eller departementets kortnavn, og trykk «Finn tiltak». Skjemaet kommer tilbake med det du har fylt ut, og treffene står først i listen over. Ingenting lagres før du lagrer skjemaet.",
            "Type words of the title or the ministry's short name, and press “Find initiatives”. The form comes back with what you filled in, and the matches first in the list above. Nothing is saved until you save the form.")));

        var describedBy = $"{id}-description";
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("ds-input");
        input.Attributes["type"] = "search";
        input.Attributes["id"] = id;
        input.Attributes["name"] = InitiativeFind.QueryField;
        input.Attributes["value"] = mine?.Query ?? "";
        input.Attributes["maxlength"] = InitiativeFind.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (mine is not null)
        {
            // The page came back for this find: the focus is where the person pressed, and they hear the outcome.
            describedBy = $"{id}-outcome {describedBy}";
            input.Attributes["autofocus"] = "autofocus";
            if (mine.Problem is not null)
            {
                input.Attributes["aria-invalid"] = "true";
            }
        }

        input.Attributes["aria-describedby"] = describedBy;
        output.Content.AppendHtml(input);
        if (mine is not null)
        {
            output.Content.AppendHtml(Paragraph("p", mine.Problem is null ? "ds-paragraph" : "ds-validation-message", $"{id}-outcome", mine.Outcome));
        }

        var button = new TagBuilder("button");
        button.AddCssClass("ds-button");
        button.Attributes["type"] = "submit";
        button.Attributes["data-variant"] = "secondary";
        button.Attributes["name"] = InitiativeFind.ButtonField;
        button.Attributes["value"] = ForSelect;
        button.InnerHtml.Append(Localized.T("Finn tiltak", "Find initiatives"));
        if (!string.IsNullOrEmpty(Context))
        {
            var hidden = new TagBuilder("span");
            hidden.AddCssClass("ds-sr-only");
            hidden.InnerHtml.Append($" {Context}");
            button.InnerHtml.AppendHtml(hidden);
        }

        var actions = new TagBuilder("div");
        actions.AddCssClass("actions");
        actions.InnerHtml.AppendHtml(button);
        output.Content.AppendHtml(actions);
    }

    private static TagBuilder Paragraph(string tag, string cssClass, string id, string text)
    {
        var element = new TagBuilder(tag);
        element.AddCssClass(cssClass);
        element.Attributes["id"] = id;
        element.InnerHtml.Append(text);
        return element;
    }
}
