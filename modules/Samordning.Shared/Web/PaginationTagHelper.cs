using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;
using Samordning.Shared.Text;

namespace Samordning.Shared.Web;

/// <summary>
/// Page links under a long list: previous, "page X of Y", next, each keeping the list's filter in the query string.
/// Renders nothing when everything fits on one page. <c>&lt;ds-pagination total="345" page="2" page-size="100" /&gt;</c>
/// </summary>
[HtmlTargetElement("ds-pagination", Attributes = "total,page,page-size", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsPaginationTagHelper : TagHelper
{
    /// <summary>How many rows the filter matches in all.</summary>
    public int Total { get; set; }

    /// <summary>The page shown, from 1.</summary>
    public int Page { get; set; }

    /// <summary>Whether <see cref="Total"/> is a lower bound (a search counted only so far): the page count is then "at least".</summary>
    public bool AtLeast { get; set; }

    /// <summary>Rows per page.</summary>
    public int PageSize { get; set; }

    /// <summary>The query parameter that carries the page number.</summary>
    public string Parameter { get; set; } = "side";

    /// <summary>The nav's accessible name: a list's own name when a page has more than one paged list.</summary>
    public string? Label { get; set; }

    /// <summary>An element id the page links end at (the paged list's heading), so the reader stays at the list.</summary>
    public string? Fragment { get; set; }

    /// <summary>The view context, for the request's path and query.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>How many pages <paramref name="total"/> rows fill.</summary>
    public static int PageCount(int total, int pageSize) => pageSize <= 0 ? 1 : Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));

    /// <summary>The current address with the page parameter set, every other parameter kept.</summary>
    public static string Link(HttpRequest request, string parameter, int page)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        query[parameter] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pages = PageCount(Total, PageSize);
        if (pages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var request = ViewContext.HttpContext.Request;
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pagination");
        output.Attributes.SetAttribute("aria-label", Label ?? new LocalizedText("Sider", "Pages").ToString());
        if (Page > 1)
        {
            output.Content.AppendHtml(PageLink(request, Page - 1, new LocalizedText("Forrige side", "Previous page")));
        }

        // The current page, marked for assistive technology as well as in words.
        var position = new TagBuilder("span");
        position.Attributes["aria-current"] = "page";
        position.InnerHtml.Append((AtLeast
            ? new LocalizedText($"Side {Page} av minst {pages}", $"Page {Page} of at least {pages}")
            : new LocalizedText($"Side {Page} av {pages}", $"Page {Page} of {pages}")).ToString());
        output.Content.AppendHtml(position);
        if (Page < pages)
        {
            output.Content.AppendHtml(PageLink(request, Page + 1, new LocalizedText("Neste side", "Next page")));
        }
    }

    private TagBuilder PageLink(HttpRequest request, int page, LocalizedText text)
    {
        var link = new TagBuilder("a");
        link.AddCssClass("ds-link");
        link.Attributes["href"] = Link(request, Parameter, page) + (string.IsNullOrEmpty(Fragment) ? "" : "#" + Fragment);
        link.InnerHtml.Append(text.ToString());
        return link;
    }
}
