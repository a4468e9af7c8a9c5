using Lantern.Accounts;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Courses.Reading;

/// <summary>
/// Keeps the reading pages of public courses, as a visitor sees them, in memory for as long as the catalogue
/// keeps a course's version (<see cref="CourseCatalog.ResolutionLifetime"/>), so a busy public chapter is drawn
/// a few times a minute rather than on every request. Only what is the same for every visitor is kept: a GET or
/// HEAD with no query string, from someone with no session and no pending notice, answered 200 by a page that
/// said it may be kept (<see cref="MarkShareable"/>: pages with a form carry a per-person anti-forgery token and
/// never say so). Every response still gets its own security headers and nonce from the middleware around it;
/// the layout has no inline script, so a kept page runs under any nonce. An import forgets every kept page.
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Tag = "course-pages";
    private const string ShareableKey = "lantern:shareable-page";

    /// <summary>Says this response is the same for every visitor and may be kept.</summary>
    public static void MarkShareable(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ShareableKey] = true;
    }

    public static Task ForgetAsync(IOutputCacheStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var candidate = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && request.Path.StartsWithSegments("/learn", StringComparison.OrdinalIgnoreCase)
                        && !request.QueryString.HasValue
                        && !HasPersonalCookie(request.Cookies);
        context.EnableOutputCaching = candidate;
        context.AllowCacheLookup = candidate;
        context.AllowCacheStorage = candidate;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = CourseCatalog.ResolutionLifetime;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || !http.Items.ContainsKey(ShareableKey)
            || http.User.Identity?.IsAuthenticated == true
            || http.Response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool HasPersonalCookie(IRequestCookieCollection cookies)
    {
        foreach (var name in cookies.Keys)
        {
            if (name.StartsWith(AccountServices.CookiePrefix, StringComparison.Ordinal) || name == Shared.PageServices.NoticeCookie)
            {
                return true;
            }
        }

        return false;
    }
}
