using System.Text.Encodings.Web;
using Lantern.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Accounts.Admin;

/// <summary>
/// GOV.UK checkboxes in a fieldset, with legend, hint and inline error. The first box takes the field's
/// own id, so the error summary's link lands on it. After a failed post the boxes stay as the person
/// ticked them, because the bound list is what was posted.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public IEnumerable<CheckboxItem> Items { get; set; } = [];

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FormField.For(ViewContext, For);
        var ticked = (For.Model as IEnumerable<string> ?? []).ToHashSet(StringComparer.Ordinal);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");

        var html = HtmlEncoder.Default;
        var content = output.Content;
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(field.Id + "-hint");
        }

        if (field.HasError)
        {
            describedBy.Add(field.Id + "-error");
        }

        content.AppendHtml(describedBy.Count > 0
            ? $"<fieldset class=\"govuk-fieldset\" aria-describedby=\"{string.Join(' ', describedBy)}\">"
            : "<fieldset class=\"govuk-fieldset\">");
        content.AppendHtml($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">{html.Encode(Legend)}</legend>");
        if (Hint is not null)
        {
            content.AppendHtml($"<div id=\"{field.Id}-hint\" class=\"govuk-hint\">{html.Encode(Hint)}</div>");
        }

        if (field.HasError)
        {
            content.AppendHtml(field.ErrorMessageHtml());
        }

        content.AppendHtml("<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\">");
        var number = 0;
        foreach (var item in Items)
        {
            number++;
            var id = number == 1 ? field.Id : $"{field.Id}-{number}";
            content.AppendHtml("<div class=\"govuk-checkboxes__item\">");
            content.AppendHtml($"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{html.Encode(field.Name)}\" type=\"checkbox\" value=\"{html.Encode(item.Value)}\"");
            if (item.Hint is not null)
            {
                content.AppendHtml($" aria-describedby=\"{id}-item-hint\"");
            }

            content.AppendHtml(ticked.Contains(item.Value) ? " checked>" : ">");
            content.AppendHtml($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{html.Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                content.AppendHtml($"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{html.Encode(item.Hint)}</div>");
            }

            content.AppendHtml("</div>");
        }

        content.AppendHtml("</div></fieldset>");
    }
}
