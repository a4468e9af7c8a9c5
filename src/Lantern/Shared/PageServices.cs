using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Lantern.Shared;

public static class PageServices
{
    /// <summary>The cookie that carries a notice to the next page (TempData).</summary>
    public const string NoticeCookie = "Lantern-Notice";

    public const string AdminPolicy = "OrganisationAdmin";

    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.OrganisationAdmin));

        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Site");
            o.Conventions.AllowAnonymousToFolder("/Accounts/SignIn");
            o.Conventions.AuthorizeFolder("/Accounts/Admin", AdminPolicy);
        });
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        builder.Services.AddAntiforgery(o =>
        {
            // Not a session cookie, so not __Host-: antiforgery refuses a Secure-only cookie on plain
            // http, and the README's run command serves http://localhost. Behind HTTPS it is Secure.
            o.Cookie.Name = "Lantern-Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.FormFieldName = "__RequestVerificationToken";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = NoticeCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        return builder;
    }

    /// <summary>Static files are cached for a day; everything else is no-store (see SecurityHeadersMiddleware).</summary>
    public static WebApplication UseLanternStaticFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400",
        });
        return app;
    }
}
