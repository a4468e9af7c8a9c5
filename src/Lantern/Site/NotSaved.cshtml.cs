using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lantern.Site;

/// <summary>
/// The page for a request the database could not take (see <see cref="StorageUnavailableMiddleware"/>):
/// says nothing was saved, shows back what the person wrote, and sends it again as it was with one
/// button. Only ever drawn for such a request; asked for directly, it is not found.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed partial class NotSavedModel(IOptions<AntiforgeryOptions> antiforgery) : PageModel
{
    public NotSavedRequest Sent { get; private set; } = null!;

    /// <summary>The fields that hold something the person wrote, named as a person would read them.</summary>
    public IReadOnlyList<(string Label, string Text)> Writing { get; private set; } = [];

    public bool IsConcern => Sent.Action.StartsWith("/concerns", StringComparison.Ordinal);

    public bool WasPost => HttpMethods.IsPost(Sent.Method);

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private IActionResult Show()
    {
        if (HttpContext.Items[NotSavedRequest.ItemKey] is not NotSavedRequest sent)
        {
            return NotFound();
        }

        Sent = sent;
        Writing = sent.Fields
            .Where(f => f.Key != antiforgery.Value.FormFieldName && f.Value.Any(char.IsWhiteSpace) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => (Label(f.Key), f.Value))
            .ToList();
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    /// <summary>"Input.WhatHappened" reads "What happened".</summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field[(field.LastIndexOf('.') + 1)..].Replace('[', ' ').Replace(']', ' ').Trim();
        var words = CamelCase().Replace(name, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? field : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CamelCase();
}
