using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Lantern.Shared;

/// <summary>What a GOV.UK form component needs to know of one field: its name, id, value and error.</summary>
public sealed record FormField(string Name, string Id, string Value, string? Error)
{
    public bool HasError => Error is not null;

    public static FormField For(ViewContext view, ModelExpression expression)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(expression);
        var name = expression.Name;
        var state = view.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var value = state?.AttemptedValue ?? Convert.ToString(expression.Model, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        return new FormField(name, IdFor(name), value, string.IsNullOrEmpty(error) ? null : error);
    }

    /// <summary>The id the error summary links to.</summary>
    public static string IdFor(string name) => TagBuilder.CreateSanitizedId(name, "-");

    public string ErrorMessageHtml() =>
        $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(Error ?? string.Empty)}</p>";
}
