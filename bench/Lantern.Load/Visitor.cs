using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Lantern.Load;

/// <summary>
/// One simulated person using the app's pages as a browser without script would: GET a page, fill
/// in its form, post it with its hidden fields (the anti-forgery token among them), follow redirects.
/// </summary>
public sealed class Visitor : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);
    private readonly HttpClient _http;

    public Visitor(Uri baseUrl)
    {
        _http = new HttpClient(new LoopbackCookies()) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The client with this person's cookies, for requests that are not pages.</summary>
    public HttpClient Http => _http;

    /// <summary>The page at <paramref name="path"/>, after following redirects; throws unless it answers 200.</summary>
    public async Task<IDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await FollowAsync(await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken), cancellationToken);
        return await PageAsync(response, cancellationToken);
    }

    /// <summary>
    /// The HTML at <paramref name="path"/>, after following redirects, read whole but not parsed: what a
    /// timed request costs the server and the wire, without this client's HTML parser.
    /// </summary>
    public async Task<string> FetchAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await FollowAsync(await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken), cancellationToken);
        return await TextAsync(response, cancellationToken);
    }

    /// <summary>
    /// Posts the first form matching <paramref name="formSelector"/> as <see cref="SubmitAsync"/> does, but
    /// returns the final address and HTML unparsed, for timing.
    /// </summary>
    public async Task<(HttpStatusCode Status, Uri Address, string Html)> SubmitUnparsedAsync(
        IDocument page, string formSelector, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var content = Form(page, formSelector, fields, out var target);
        using var response = await FollowAsync(await _http.PostAsync(target, content, cancellationToken), cancellationToken);
        return (response.StatusCode, response.RequestMessage?.RequestUri ?? target, await TextAsync(response, cancellationToken, requireOk: false));
    }

    /// <summary>
    /// Posts the first form matching <paramref name="formSelector"/> with its current values, overridden
    /// by <paramref name="fields"/>; follows redirects; returns the final response's status and page.
    /// </summary>
    public async Task<(HttpStatusCode Status, IDocument Page)> SubmitAsync(
        IDocument page, string formSelector, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var content = Form(page, formSelector, fields, out var target);
        using var response = await FollowAsync(await _http.PostAsync(target, content, cancellationToken), cancellationToken);
        return (response.StatusCode, await PageAsync(response, cancellationToken, requireOk: false));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The form's current values, overridden by <paramref name="fields"/>, and where it posts to.</summary>
    private static FormUrlEncodedContent Form(IDocument page, string formSelector, IReadOnlyList<KeyValuePair<string, string>> fields, out Uri target)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fields);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var overridden = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type is "hidden" or "text" or "email" or "number" or "date" || (i.Type is "checkbox" or "radio" && i.IsChecked))
            .Where(i => !string.IsNullOrEmpty(i.Name) && !overridden.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields)
            .ToList();
        var action = form.GetAttribute("action");
        target = new Uri(string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action, UriKind.Relative);
        return new FormUrlEncodedContent(values);
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found; hops++)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException("A redirect without a location.");
            response.Dispose();
            response = await _http.GetAsync(location, cancellationToken);
        }

        return response;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response, CancellationToken cancellationToken, bool requireOk = true)
    {
        if (requireOk && response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task<IDocument> PageAsync(HttpResponseMessage response, CancellationToken cancellationToken, bool requireOk = true)
    {
        var html = await TextAsync(response, cancellationToken, requireOk);
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://127.0.0.1/";
        return await Parser.OpenAsync(r => r.Content(html).Address(address), cancellationToken);
    }
}
