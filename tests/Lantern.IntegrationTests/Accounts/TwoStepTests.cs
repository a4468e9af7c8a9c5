using System.Net;
using Lantern.Accounts.Users;
using Lantern.Demo;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>Two-step verification for the roles that can read safeguarding records. Each test uses its own demo person.</summary>
public abstract class TwoStepTests(LanternApp app)
{
    [Fact]
    public async Task A_case_role_must_set_up_two_step_verification_before_any_page_opens()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var signedIn = await client.SubmitAsync(page, "main form", [new("Input.Email", DemoPeople.EmailFor(Roles.DeputyDsl)), new("Input.Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var path in new[] { "/", "/account", "/admin/people" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-step", response.Headers.Location!.OriginalString);
        }

        var setup = await client.GetPageAsync("/account/two-step");
        Assert.Equal("Set up two-step verification", setup.Text("h1"));
        Assert.NotNull(setup.QuerySelector("img[alt^='QR code']"));
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", setup.Text("#authenticator-key"));
        Assert.Equal("one-time-code", setup.QuerySelector("input[name='Input.Code']")!.GetAttribute("autocomplete"));
    }

    [Fact]
    public async Task After_enrolment_signing_in_asks_for_a_code_and_a_wrong_code_is_refused()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.TrainingManager));
        using (var signOut = await client.SubmitAsync(await client.GetPageAsync("/sign-out"), "main form", []))
        {
            Assert.Equal("/signed-out", signOut.Headers.Location!.OriginalString);
        }

        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", DemoPeople.EmailFor(Roles.TrainingManager)), new("Input.Password", DemoData.Password)]);
        Assert.StartsWith("/sign-in/code", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var codePage = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        using var wrong = await client.SubmitAsync(codePage, "main form", [new("Input.Code", "000000")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not right", (await Html.ParseAsync(wrong)).ErrorSummary().Single(), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : TwoStepTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TwoStepTests(app), IClassFixture<PostgresApp>;
}
