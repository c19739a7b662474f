using Microsoft.AspNetCore.Razor.TagHelpers;
using Samordning.Shared.Text;

namespace Samordning.Shared.Web;

/// <summary>
/// The link from a record's page to its history, the same words and place on every kind of record:
/// <c>&lt;history-link href="/moter/{id}/historikk" /&gt;</c>.
/// </summary>
[HtmlTargetElement("history-link", Attributes = "href", TagStructure = TagStructure.WithoutEndTag)]
public sealed class HistoryLinkTagHelper : TagHelper
{
    /// <summary>The record's history page.</summary>
    public string Href { get; set; } = "";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-paragraph");
        output.Content.Clear();
        output.Content.AppendHtml($"<a class=\"ds-link\" data-history-link href=\"{System.Net.WebUtility.HtmlEncode(Href)}\">");
        output.Content.Append(Localized.T("Historikk: hvem endret hva", "History: who changed what"));
        output.Content.AppendHtml("</a>");
    }
}
