using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Shared;

/// <summary>
/// The GOV.UK error summary: every error on the page, each linking to its field. Errors not tied to a
/// field (a failed sign-in, say) are listed as text. Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var html = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        var content = output.Content;
        content.AppendHtml("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, entry) in state.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!)))
        {
            var message = html.Encode(entry.Errors[0].ErrorMessage);
            content.AppendHtml(string.IsNullOrEmpty(key)
                ? $"<li>{message}</li>"
                : $"<li><a href=\"#{FormField.IdFor(key)}\">{message}</a></li>");
        }

        content.AppendHtml("</ul></div></div>");
    }
}
