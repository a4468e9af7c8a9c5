using System.Net;
using System.Text;
using Lantern.Accounts.SignIn;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Security;

/// <summary>Bad input gets a clear message or a 4xx page, keeps what the person typed, changes nothing, and is never a 5xx.</summary>
public abstract class BadInputTests(LanternApp app)
{
    [Fact]
    public async Task A_2_MB_body_posted_to_a_form_gets_a_page_saying_it_was_too_large()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", new string('a', 2 * 1024 * 1024)), new("Input.Password", "x")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Equal("What you sent was too large", result.Text("h1"));
        Assert.Contains("Nothing was saved", result.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_the_same_way()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Input.Email=" + new string('b', 200_000) + "&Input.Password=x";
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/sign-in", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("What you sent was too large", (await Html.ParseAsync(response)).Text("h1"));
    }

    [Fact]
    public async Task A_forged_anti_forgery_token_gets_a_400_page_and_signs_nobody_in()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form",
            [new("__RequestVerificationToken", "CfDJ8forged"), new("Input.Email", DemoPeople.EmailFor(Roles.Learner)), new("Input.Password", Lantern.Demo.DemoData.Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, we could not use that request", (await Html.ParseAsync(response)).Text("h1"));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-Lantern=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>@example.org")]
    [InlineData("' OR 1=1; DROP TABLE \"AspNetUsers\"; --")]
    [InlineData("zoë.ñúñez+😀@例え.テスト")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task Hostile_or_unusual_text_in_a_field_is_kept_shown_safely_and_signs_nobody_in(string email)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", "anything-at-all")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var result = await Html.ParseAsync(response);
        Assert.Equal(SignInModel.FailedMessage, result.ErrorSummary().Single());
        Assert.Equal(email, result.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));

        // The users table is still there and the demo people can still sign in.
        using var learner = app.NewClient();
        await DemoPeople.SignInAsync(learner, DemoPeople.EmailFor(Roles.Learner));
    }

    [Fact]
    public async Task An_over_long_field_within_the_body_limit_gets_a_message_and_keeps_the_text()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        var email = new string('e', 300) + "@example.org";
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", "x")]);

        var result = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-mail address must be 256 characters or fewer", result.ErrorSummary().Single());
        Assert.Equal(email, result.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/admin/people/not-a-guid", HttpStatusCode.NotFound, "Page not found")]
    public async Task Unknown_addresses_get_a_page_that_says_so(string path, HttpStatusCode status, string heading)
    {
        var client = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, (await Html.ParseAsync(response)).Text("h1"));
    }

    [Fact]
    public async Task A_learner_who_opens_an_admin_page_is_told_they_do_not_have_access()
    {
        var client = await app.SignedInAsAsync(Roles.Learner);
        using var response = await client.GetAsync(new Uri("/admin/people", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var denied = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("You do not have access to this page", (await Html.ParseAsync(denied)).Text("h1"));
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_brought_back_afterwards()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Faccount", response.Headers.Location!.PathAndQuery);
    }

    public sealed class OnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
}
