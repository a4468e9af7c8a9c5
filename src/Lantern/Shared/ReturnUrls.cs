using Microsoft.AspNetCore.Mvc;

namespace Lantern.Shared;

public static class ReturnUrls
{
    /// <summary>Where to go after signing in: the page asked for if it is on this site, else home (no open redirects).</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return returnUrl is not null && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
    }
}
