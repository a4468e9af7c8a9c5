using System.Net;
using System.Text.RegularExpressions;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Security;

public abstract partial class SecurityHeadersTests(LanternApp app)
{
    public static TheoryData<string> SignedOutPages => new(["/sign-in", "/signed-out", "/accessibility", "/privacy", "/error/404", "/no-such-page", "/health/live", "/health/ready"]);

    public static TheoryData<string, string> SignedInPages => new()
    {
        { Roles.Learner, "/" },
        { Roles.Learner, "/account" },
        { Roles.Learner, "/sign-out" },
        { Roles.OrganisationAdmin, "/" },
        { Roles.OrganisationAdmin, "/admin/people" },
        { Roles.OrganisationAdmin, "/admin/people/new" },
        { Roles.OrganisationAdmin, "/admin/locations" },
        { Roles.Dsl, "/" },
    };

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task Every_signed_out_page_answers_with_the_security_headers(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task Every_page_behind_sign_in_answers_with_the_security_headers_and_is_never_cached(string role, string path)
    {
        var client = await app.SignedInAsAsync(role);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Static_files_are_cached_but_still_carry_the_security_headers()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/lib/govuk/lantern.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Each_response_has_its_own_nonce_and_every_script_tag_carries_it()
    {
        using var client = app.NewClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            var nonce = NoncePattern().Match(policy).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(nonce));
            var page = await Html.ParseAsync(response);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal(nonce, s.GetAttribute("nonce")));
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_same_site()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", DemoPeople.EmailFor(Roles.Learner)), new("Input.Password", Lantern.Demo.DemoData.Password)]);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Lantern=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(NoncePattern(), policy);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})'")]
    private static partial Regex NoncePattern();

    public sealed class OnSqlite(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
}
