using System.Net;
using Lantern.Accounts.SignIn;
using Lantern.Accounts.Users;
using Lantern.Demo;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Accounts;

public abstract class SignInTests(LanternApp app)
{
    public static TheoryData<string> AllRoles => new(Roles.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_demo_role_signs_in_and_sees_their_home_page(string role)
    {
        var client = await app.SignedInAsAsync(role);

        var home = await client.GetPageAsync("/");

        var person = DemoData.People.Single(p => p.Role == role);
        Assert.Equal($"Welcome, {person.Name}", home.Text("h1"));
        Assert.Contains(Roles.Find(role)!.Title, home.Text("main .govuk-summary-list"), StringComparison.Ordinal);
        Assert.Contains(DemoData.OrganisationName, home.Text(".govuk-service-navigation__service-name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_message_and_keep_the_email()
    {
        using var client = app.NewClient();
        var messages = new List<string>();
        foreach (var (email, password) in new[] { ("nobody@riverside.example", "whatever-password"), (DemoPeople.EmailFor(Roles.CourseAuthor), "wrong-password-here") })
        {
            var page = await client.GetPageAsync("/sign-in");
            using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", password)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = await Html.ParseAsync(response);
            messages.Add(result.ErrorSummary().Single());
            Assert.Equal(email, result.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
            Assert.StartsWith("Error: ", result.Title, StringComparison.Ordinal);
        }

        Assert.Equal(SignInModel.FailedMessage, messages[0]);
        Assert.Equal(messages[0], messages[1]);
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary_with_links_to_them()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", ""), new("Input.Password", "")]);

        var result = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter your e-mail address", "Enter your password"], result.ErrorSummary());
        Assert.NotNull(result.QuerySelector("a[href='#Input-Email']"));
        Assert.NotNull(result.QuerySelector("#Input-Email.govuk-input--error"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_no_longer_works()
    {
        var email = DemoPeople.EmailFor(Roles.PartnershipAnalyst);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetPageAsync("/sign-in");
            using var wrong = await client.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", "not-the-password-" + i)]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var again = await client.GetPageAsync("/sign-in");
        using var right = await client.SubmitAsync(again, "main form", [new("Input.Email", email), new("Input.Password", DemoData.Password)]);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(SignInModel.FailedMessage, (await Html.ParseAsync(right)).ErrorSummary().Single());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.Learner));
        using var signedInPage = await client.GetAsync(new Uri("/", UriKind.Relative));
        var cookie = signedInPage.RequestMessage!.Headers.GetValues("Cookie").Single();

        using (await client.SubmitAsync(await client.GetPageAsync("/sign-out"), "main form", []))
        {
        }

        using var stolen = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await stolen.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
}
