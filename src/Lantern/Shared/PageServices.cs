using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Lantern.Shared;

public static class PageServices
{
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
            o.Cookie.Name = Accounts.AccountServices.CookiePrefix + "-Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
            o.FormFieldName = "__RequestVerificationToken";
            o.HeaderName = "X-CSRF-TOKEN";
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
