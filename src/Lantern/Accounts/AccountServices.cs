using System.Security.Claims;
using System.Threading.RateLimiting;
using Lantern.Accounts.Invitations;
using Lantern.Accounts.Mfa;
using Lantern.Accounts.Passwords;
using Lantern.Accounts.Sessions;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lantern.Accounts;

public static class AccountServices
{
    public const string SignInRateLimit = "sign-in";
    public const string FormRateLimit = "forms";
    public const string CookiePrefix = "__Host-Lantern";

    /// <summary>People, organisations, sign-in with a second factor, sessions kept in the database.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionTimeoutOptions>().BindConfiguration(SessionTimeoutOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);

        services.AddDataProtection()
            .SetApplicationName("Lantern")
            .PersistKeysToDbContext<LanternDbContext>();

        services.AddSingleton(_ => CommonPasswordList.FromAppFolder());
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordRules.HashIterations);

        services.AddIdentity<LanternUser, LanternRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, which may hold an apostrophe or non-ASCII letters.
                o.User.AllowedUserNameCharacters = string.Empty;
                o.SignIn.RequireConfirmedAccount = true;
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Tokens.AuthenticatorIssuer = "Lantern";
            })
            .AddEntityFrameworkStores<LanternDbContext>()
            .AddClaimsPrincipalFactory<LanternClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddErrorDescriber<PasswordErrors>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<LanternUser>, ActiveUserConfirmation>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        // Roles and disabled accounts are re-read often, so a change reaches a signed-in person quickly.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = context =>
            {
                // Keep the proof of a second factor across the refresh.
                if (context.CurrentPrincipal?.PassedMultiFactor() == true && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(LanternClaims.AuthenticationMethod, LanternClaims.MultiFactor));
                }

                return Task.CompletedTask;
            };
        });

        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookiePrefix;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = false;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ReturnUrlParameter = "returnUrl";
            // The security stamp is checked once a minute (above). Identity's own hook builds the sign-in
            // services on every request to find that out, which costs more than the rest of reading the
            // session; this asks the clock first and hands over only when the check is due.
            o.Events.OnValidatePrincipal = context => StampCheckIsDue(context)
                ? SecurityStampValidator.ValidatePrincipalAsync(context)
                : Task.CompletedTask;
            // Every refused page goes in the audit log, naming the page (never its query, which may hold ids or words).
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                var db = context.HttpContext.RequestServices.GetRequiredService<LanternDbContext>();
                var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>();
                var page = context.Request.Path.Value is { Length: > 0 and <= 180 } path && !path.Any(char.IsWhiteSpace) ? path : "/";
                await audit.RecordAccessDeniedAsync(db, context.HttpContext.User, "page:" + page, cancellationToken: context.HttpContext.RequestAborted);
                context.Response.Redirect(context.RedirectUri);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = CookiePrefix + "-2fa";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = CookiePrefix + "-external";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = CookiePrefix + "-remember";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });

        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: reading a page is never limited.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                "sign-in:" + context.Connection.RemoteIpAddress,
                _ => Window(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInPerAddressPerMinute)));
            o.AddPolicy(FormRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                "form:" + (context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId().ToString() : context.Connection.RemoteIpAddress?.ToString()),
                _ => Window(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.FormPostsPerMinute)));
        });

        services.AddScoped<MfaEnrolment>();
        services.AddScoped<Invitation>();
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static bool StampCheckIsDue(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }
}
