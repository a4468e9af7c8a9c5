using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Site;

/// <summary>
/// Every error and status code page: says what happened and what to do. Re-executed for any method,
/// so it answers posts too and never checks an anti-forgery token (that may be the error itself).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Advice { get; private set; } = string.Empty;

    // No model binding: the body of a re-executed post may be the problem (too large, say).
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    public void OnPut() => Describe();

    public void OnDelete() => Describe();

    private void Describe()
    {
        Code = int.TryParse(RouteData.Values["code"] as string, out var code) ? code : 500;
        (Heading, Advice) = Code switch
        {
            400 => ("Sorry, we could not use that request",
                "The form may have been open too long, or sent twice. Go back, reload the page and try again. Nothing was saved from that request."),
            403 => ("You do not have access to this page",
                "Your role does not include this page. If you think it should, ask your organisation's admin."),
            404 => ("Page not found",
                "If you typed the web address, check it is correct. If you followed a link, the page may have moved or you may not have access to it."),
            405 => ("Sorry, that did not work",
                "Go back and try again from the page you were on."),
            413 => ("What you sent was too large",
                "Nothing was saved. Go back, make the text shorter or the file smaller, and send it again."),
            429 => ("Too many attempts",
                "To keep accounts safe, we have paused this for a minute. Wait a minute, then try again."),
            _ => ("Sorry, there is a problem with the service",
                "Try again later. Anything you saved before this is safe. If it keeps happening, tell your organisation's admin."),
        };
        if (Code is < 400 or > 599)
        {
            Code = 500;
        }

        Response.StatusCode = Code;
    }
}
