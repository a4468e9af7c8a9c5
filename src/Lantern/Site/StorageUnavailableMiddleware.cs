using System.Security.Claims;
using Lantern.Data;
using Microsoft.AspNetCore.Http.Features;

namespace Lantern.Site;

/// <summary>
/// When the database cannot be reached at all (stopped, unreachable, refusing), a request fails before
/// any page can help: often while reading the person's session. This answers such a request with the
/// "not saved" page (503) instead of the general error page: whatever the person posted is shown back to
/// them and can be sent again as it was once the database is back. The page is drawn for a visitor (the
/// session cannot be read) and touches no database.
/// </summary>
public sealed partial class StorageUnavailableMiddleware(RequestDelegate next, ILogger<StorageUnavailableMiddleware> logger)
{
    /// <summary>Where the page lives; only this middleware sends people there.</summary>
    public const string PagePath = "/not-saved";

    /// <summary>Bodies larger than this are not shown back (a file upload, say); the page says so.</summary>
    public const long LargestFormShown = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !context.Response.HasStarted && !context.Items.ContainsKey(NotSavedRequest.ItemKey))
        {
            // The type only: a message could carry a connection string or a value.
            LogUnavailable(logger, e.GetType().Name, context.Request.Method);
            context.Items[NotSavedRequest.ItemKey] = await NotSavedRequest.ReadAsync(context);
            await ShowPageAsync(context);
        }
    }

    private async Task ShowPageAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";

        // Drawn for a visitor: without the session cookie, signing in does not read the database again.
        // The other cookies are passed on exactly as sent (the anti-forgery cookie must still match the token sent again).
        var cookies = context.Request.Headers.Cookie.SelectMany(header => (header ?? string.Empty).Split(';'))
            .Select(cookie => cookie.Trim())
            .Where(cookie => cookie.Length > 0 && !cookie.StartsWith(Accounts.AccountServices.CookiePrefix, StringComparison.Ordinal));
        context.Request.Headers.Cookie = string.Join("; ", cookies);
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        context.Request.Path = PagePath;
        context.Request.QueryString = QueryString.Empty;
        context.Request.RouteValues.Clear();
        context.SetEndpoint(null);
        context.Features.Set<IRouteValuesFeature>(null);

        // Fresh request services: the failed sign-in handler remembers its failure for the request.
        var original = context.RequestServices;
        await using var scope = original.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database could not be reached ({Error}) for a {Method} request; the person was shown the not-saved page.")]
    private static partial void LogUnavailable(ILogger logger, string error, string method);
}

/// <summary>What a request that could not be saved sent: where, and its form fields (never its files or passwords).</summary>
public sealed record NotSavedRequest(string Method, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool TooLargeToShow)
{
    public const string ItemKey = "Lantern.NotSavedRequest";

    public static async Task<NotSavedRequest> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var action = request.PathBase + request.Path + request.QueryString;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return new NotSavedRequest(request.Method, action, [], TooLargeToShow: false);
        }

        if (request.ContentLength is null or > StorageUnavailableMiddleware.LargestFormShown)
        {
            return new NotSavedRequest(request.Method, action, [], TooLargeToShow: true);
        }

        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            var fields = form
                .Where(f => !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))
                .ToList();
            return new NotSavedRequest(request.Method, action, fields, TooLargeToShow: form.Files.Count > 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new NotSavedRequest(request.Method, action, [], TooLargeToShow: true);
        }
    }
}
