using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Shared;

/// <summary>A GOV.UK textarea with its label, hint and inline error, showing what the person typed after a failed post.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    /// <summary>A label that is the page's heading (one question per page).</summary>
    public bool LabelIsHeading { get; set; }

    public string? Hint { get; set; }

    public int Rows { get; set; } = 5;

    [ViewContext]
    [HtmlAttributeNotBound]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FormField.For(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        var html = HtmlEncoder.Default;
        var content = output.Content;
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : " govuk-label--s")}\" for=\"{field.Id}\">{html.Encode(Label)}</label>";
        content.AppendHtml(LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            content.AppendHtml($"<div id=\"{field.Id}-hint\" class=\"govuk-hint\">{html.Encode(Hint)}</div>");
            describedBy.Add(field.Id + "-hint");
        }

        if (field.HasError)
        {
            content.AppendHtml(field.ErrorMessageHtml());
            describedBy.Add(field.Id + "-error");
        }

        content.AppendHtml($"<textarea class=\"govuk-textarea{(field.HasError ? " govuk-textarea--error" : string.Empty)}\" id=\"{field.Id}\" name=\"{html.Encode(field.Name)}\" rows=\"{Rows}\"");
        if (describedBy.Count > 0)
        {
            content.AppendHtml($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        content.AppendHtml(">");
        content.Append(field.Value);
        content.AppendHtml("</textarea>");
    }
}
