using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Shared;

/// <summary>
/// A GOV.UK text input with its label, hint and inline error. After a failed post it shows what the
/// person typed, never the stored value, so nothing they wrote is lost (passwords excepted).
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? InputClass { get; set; }

    public bool Spellcheck { get; set; } = true;

    /// <summary>For codes typed on a phone: numeric keyboard.</summary>
    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FormField.For(ViewContext, For);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");

        var html = HtmlEncoder.Default;
        var content = output.Content;
        content.AppendHtml($"<label class=\"govuk-label\" for=\"{field.Id}\">{html.Encode(Label)}</label>");
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

        var value = Type == "password" ? string.Empty : field.Value;
        var classes = "govuk-input" + (field.HasError ? " govuk-input--error" : string.Empty) + (InputClass is null ? string.Empty : " " + InputClass);
        content.AppendHtml($"<input class=\"{classes}\" id=\"{field.Id}\" name=\"{html.Encode(field.Name)}\" type=\"{html.Encode(Type)}\" value=\"{html.Encode(value)}\"");
        if (describedBy.Count > 0)
        {
            content.AppendHtml($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        if (Autocomplete is not null)
        {
            content.AppendHtml($" autocomplete=\"{html.Encode(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            content.AppendHtml($" inputmode=\"{html.Encode(Inputmode)}\"");
        }

        if (!Spellcheck)
        {
            content.AppendHtml(" spellcheck=\"false\"");
        }

        content.AppendHtml(">");
    }
}
