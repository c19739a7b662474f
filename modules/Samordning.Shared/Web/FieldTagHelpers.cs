using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Samordning.Shared.Web;

/// <summary>
/// A Designsystemet form field: label, optional description, the control, and the field's errors beside it,
/// linked with aria-describedby and aria-invalid. Every module's forms use it, so every field behaves alike.
/// <c>&lt;ds-field for="Input.Code" label="Kode" /&gt;</c> renders a text input; <c>type</c> picks another input
/// type, and <c>options</c> renders a select.
/// </summary>
[HtmlTargetElement("ds-field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsFieldTagHelper : TagHelper
{
    /// <summary>The bound property.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The visible label, in the person's language.</summary>
    public string Label { get; set; } = "";

    /// <summary>A short description under the label.</summary>
    public string? Description { get; set; }

    /// <summary>The input type (text, email, number, date …), or <c>textarea</c>.</summary>
    public string Type { get; set; } = "text";

    /// <summary>The autocomplete token, if any.</summary>
    public string? Autocomplete { get; set; }

    /// <summary>Marks the field as required.</summary>
    public bool Required { get; set; }

    /// <summary>When set, a select with these options instead of an input.</summary>
    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>With <see cref="Options"/>: a list box where several may be chosen (the options' Selected say which).</summary>
    public bool Multiple { get; set; }

    /// <summary>The view context, for model state.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Inside a partial rendered with for="Input", the prefix comes from the view data, not the expression.
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = FieldState.ErrorsFor(ViewContext.ViewData.ModelState, name);
        var attempted = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;
        var value = attempted ?? FieldState.Format(For.Model);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field");

        var label = new TagBuilder("label");
        label.AddCssClass("ds-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(label);

        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(Description))
        {
            var description = new TagBuilder("div");
            description.AddCssClass("ds-field-description");
            description.Attributes["id"] = $"{id}-description";
            description.InnerHtml.Append(Description);
            output.Content.AppendHtml(description);
            describedBy.Add($"{id}-description");
        }

        if (errors.Count > 0)
        {
            describedBy.Add($"{id}-error");
        }

        var control = Options is not null ? Select(id, name, value) : Type == "textarea" ? TextArea(id, name, value) : Input(id, name, value);
        if (describedBy.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (errors.Count > 0)
        {
            control.Attributes["aria-invalid"] = "true";
        }

        if (Required)
        {
            control.Attributes["required"] = "required";
        }

        output.Content.AppendHtml(control);
        FieldState.AppendErrors(output, id, errors);
    }

    private TagBuilder Input(string id, string name, string? value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("ds-input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = Type;
        input.Attributes["value"] = value ?? "";
        // The browser's picker offers only the dates the server accepts (Time/DateRange); the server still checks.
        var (min, max) = Type switch
        {
            "date" => ("yyyy-MM-dd", "yyyy-MM-dd"),
            "datetime-local" => ("yyyy-MM-dd'T00:00'", "yyyy-MM-dd'T23:59'"),
            _ => (null, null),
        };
        if (min is not null && max is not null)
        {
            input.Attributes["min"] = Time.DateRange.First.ToString(min, System.Globalization.CultureInfo.InvariantCulture);
            input.Attributes["max"] = Time.DateRange.Last.ToString(max, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        return input;
    }

    private static TagBuilder TextArea(string id, string name, string? value)
    {
        var area = new TagBuilder("textarea");
        area.AddCssClass("ds-input");
        area.Attributes["id"] = id;
        area.Attributes["name"] = name;
        area.Attributes["rows"] = "4";
        area.InnerHtml.Append(value ?? "");
        return area;
    }

    private TagBuilder Select(string id, string name, string? value)
    {
        var select = new TagBuilder("select");
        select.AddCssClass("ds-input");
        select.Attributes["id"] = id;
        select.Attributes["name"] = name;
        if (Multiple)
        {
            select.Attributes["multiple"] = "multiple";
            select.Attributes["size"] = Math.Clamp(Options!.Count(), 2, 8).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var option in Options!)
        {
            var element = new TagBuilder("option");
            element.Attributes["value"] = option.Value;
            if (Multiple ? option.Selected : string.Equals(option.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                element.Attributes["selected"] = "selected";
            }

            element.InnerHtml.Append(option.Text);
            select.InnerHtml.AppendHtml(element);
        }

        return select;
    }
}

/// <summary>
/// The error summary at the top of a form (Designsystemet's error summary): every field error, each a link to
/// its field, announced to screen readers. Renders nothing when the form has no errors.
/// </summary>
[HtmlTargetElement("ds-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsErrorSummaryTagHelper : TagHelper
{
    /// <summary>The heading, in the person's language.</summary>
    public string Heading { get; set; } = "";

    /// <summary>The view context, for model state.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("id", "feiloppsummering");

        var heading = new TagBuilder("h2");
        heading.AddCssClass("ds-heading");
        heading.Attributes["data-size"] = "xs";
        heading.InnerHtml.Append(Heading);
        output.Content.AppendHtml(heading);

        var list = new TagBuilder("ul");
        list.AddCssClass("ds-list");
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var link = new TagBuilder("a");
                link.AddCssClass("ds-link");
                link.Attributes["href"] = $"#{TagBuilder.CreateSanitizedId(key, "_")}";
                link.InnerHtml.Append(error.ErrorMessage);
                var item = new TagBuilder("li");
                item.InnerHtml.AppendHtml(link);
                list.InnerHtml.AppendHtml(item);
            }
        }

        output.Content.AppendHtml(list);
    }
}

/// <summary>Shared by the field tag helpers: errors and value formatting.</summary>
internal static class FieldState
{
    public static List<string> ErrorsFor(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public static string? Format(object? model) => model switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };

    public static void AppendErrors(TagHelperOutput output, string id, List<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        var message = new TagBuilder("p");
        message.AddCssClass("ds-validation-message");
        message.Attributes["id"] = $"{id}-error";
        message.Attributes["data-field"] = "validation";
        message.InnerHtml.Append(string.Join(" ", errors));
        output.Content.AppendHtml(message);
    }

}
