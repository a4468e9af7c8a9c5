using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>Reads pages as a person's browser would: parse the HTML, find forms, post them with their hidden fields.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/";
        return await Context.OpenAsync(r => r.Content(html).Address(address));
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Posts the form (the first matching the selector) with its current fields, overridden by
    /// <paramref name="fields"/>. A field name given more than once (checkboxes) is sent once per value.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var given = fields.ToList();
        var overridden = given.Select(f => f.Key).ToHashSet();
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "hidden" or "text" or "email" || (i.Type is "checkbox" or "radio" && i.IsChecked))
            .Where(i => !string.IsNullOrEmpty(i.Name) && !overridden.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given)
            .ToList();
        var target = action ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(target))
        {
            target = new Uri(page.Url).PathAndQuery;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches '{selector}'.");

    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}
