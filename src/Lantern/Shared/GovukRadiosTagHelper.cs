using System.Text.Encodings.Web;
using Lantern.Accounts.Admin;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lantern.Shared;

/// <summary>GOV.UK radios in a fieldset with legend, hint and inline error; the first radio takes the field's id for the error summary's link.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = string.Empty;

    /// <summary>A legend that is the page's heading (one question per page).</summary>
    public bool LegendIsHeading { get; set; }

    public string? Hint { get; set; }

    public bool Inline { get; set; }

    public IEnumerable<CheckboxItem> Items { get; set; } = [];

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
        content.AppendHtml(LegendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{html.Encode(Legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{html.Encode(Legend)}</legend>");
        if (Hint is not null)
        {
            content.AppendHtml($"<div id=\"{field.Id}-hint\" class=\"govuk-hint\">{html.Encode(Hint)}</div>");
        }

        if (field.HasError)
        {
            content.AppendHtml(field.ErrorMessageHtml());
        }

        content.AppendHtml($"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : string.Empty)}\" data-module=\"govuk-radios\">");
        var number = 0;
        foreach (var item in Items)
        {
            number++;
            var id = number == 1 ? field.Id : $"{field.Id}-{number}";
            content.AppendHtml("<div class=\"govuk-radios__item\">");
            content.AppendHtml($"<input class=\"govuk-radios__input\" id=\"{id}\" name=\"{html.Encode(field.Name)}\" type=\"radio\" value=\"{html.Encode(item.Value)}\"");
            if (item.Hint is not null)
            {
                content.AppendHtml($" aria-describedby=\"{id}-item-hint\"");
            }

            content.AppendHtml(string.Equals(field.Value, item.Value, StringComparison.Ordinal) ? " checked>" : ">");
            content.AppendHtml($"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{html.Encode(item.Text)}</label>");
            if (item.Hint is not null)
            {
                content.AppendHtml($"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{html.Encode(item.Hint)}</div>");
            }

            content.AppendHtml("</div>");
        }

        content.AppendHtml("</div></fieldset>");
    }
}
