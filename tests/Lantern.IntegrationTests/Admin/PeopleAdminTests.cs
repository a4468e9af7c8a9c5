using System.Net;
using System.Text.RegularExpressions;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Admin;

/// <summary>An organisation admin invites, changes and disables people of their own organisation, and of no other.</summary>
public abstract partial class PeopleAdminTests(LanternApp app)
{
    [Fact]
    public async Task An_invited_person_gets_an_e_mail_link_chooses_a_password_and_signs_in()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/people/new");
        using var created = await admin.SubmitAsync(form, "main form",
            [new("Input.Name", "Sam O'Neill"), new("Input.Email", "sam.oneill@riverside.example"), new("Input.Roles", Roles.Learner)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var mail = await app.Mail.WaitForMessageToAsync("sam.oneill@riverside.example");
        Assert.Equal("You have been invited to Lantern", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? string.Empty).Value);

        using var person = app.NewClient();
        var accept = await person.GetPageAsync(link.PathAndQuery);
        using var common = await person.SubmitAsync(accept, "main form", [new("Input.Password", "password123")]);
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.Contains("too common", (await Html.ParseAsync(common)).ErrorSummary().Single(), StringComparison.Ordinal);

        var again = await Html.ParseAsync(common);
        using var accepted = await person.SubmitAsync(again, "main form", [new("Input.Password", "harbour kettle violet 42")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await DemoPeople.SignInAsync(person, "sam.oneill@riverside.example", "harbour kettle violet 42");
        Assert.Equal("Welcome, Sam O'Neill", (await person.GetPageAsync("/")).Text("h1"));
    }

    [Fact]
    public async Task Disabling_a_person_signs_them_out_on_their_next_request_and_keeps_them_in_the_list()
    {
        using var author = app.NewClient();
        await DemoPeople.SignInAsync(author, DemoPeople.EmailFor(Roles.CourseAuthor));
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var id = await IdOfAsync(DemoPeople.EmailFor(Roles.CourseAuthor));
        var page = await admin.GetPageAsync($"/admin/people/{id}");
        using var disabled = await admin.SubmitAsync(page, "form[action*='handler=Disable']", []);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        using var next = await author.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/sign-in", next.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var list = await admin.GetPageAsync("/admin/people");
        Assert.Contains("Disabled", list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(DemoPeople.EmailFor(Roles.CourseAuthor), StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resetting_two_step_verification_signs_the_person_out_and_they_set_it_up_again()
    {
        using var analyst = app.NewClient();
        await DemoPeople.SignInAsync(analyst, DemoPeople.EmailFor(Roles.PartnershipAnalyst));

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var id = await IdOfAsync(DemoPeople.EmailFor(Roles.PartnershipAnalyst));
        using var reset = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/people/{id}"), "form[action*='handler=ResetTwoStep']", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        using var next = await analyst.GetAsync(new Uri("/", UriKind.Relative));
        Assert.StartsWith("/sign-in", next.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var again = app.NewClient();
        await DemoPeople.SignInAsync(again, DemoPeople.EmailFor(Roles.PartnershipAnalyst));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_person_is_not_found_to_read_or_to_change()
    {
        var stranger = await AddOtherOrganisationPersonAsync();
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);

        using var read = await admin.GetAsync(new Uri($"/admin/people/{stranger}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);

        var ownId = await IdOfAsync(DemoPeople.EmailFor(Roles.Learner));
        var page = await admin.GetPageAsync($"/admin/people/{ownId}");
        using var disable = await admin.SubmitAsync(page, "form[action*='handler=Disable']", [], $"/admin/people/{stranger}?handler=Disable");
        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == stranger)).DisabledAt);
    }

    [Fact]
    public async Task Another_organisations_location_in_the_invitation_form_is_refused_and_nothing_is_saved()
    {
        var otherLocation = await AddOtherOrganisationLocationAsync();
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/people/new");

        using var response = await admin.SubmitAsync(form, "main form",
            [new("Input.Name", "Pat Jones"), new("Input.Email", "pat.jones@riverside.example"), new("Input.Roles", Roles.Learner), new("Input.Locations", otherLocation.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal("Pat Jones", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "pat.jones@riverside.example"));
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_refused_and_nothing_is_saved()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/people/new");

        using var response = await admin.SubmitAsync(form, "main form",
            [new("Input.Name", "Lee Grant"), new("Input.Email", "lee.grant@riverside.example"), new("Input.Roles", "SuperUser")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(response)).ErrorSummary());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "lee.grant@riverside.example"));
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Organisation> AddOtherOrganisationAsync(LanternDbContext db)
    {
        var other = new Organisation { Name = "Hillside Youth Club " + Guid.NewGuid().ToString("N")[..6], CreatedAt = TimeProvider.System.GetUtcNow() };
        db.Organisations.Add(other);
        await db.SaveChangesAsync();
        return other;
    }

    private async Task<Guid> AddOtherOrganisationPersonAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var other = await AddOtherOrganisationAsync(db);
        var email = $"someone-{Guid.NewGuid():N}@hillside.example";
        var person = new LanternUser
        {
            OrganisationId = other.Id,
            DisplayName = "Someone Else",
            Email = email,
            UserName = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Users.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<Guid> AddOtherOrganisationLocationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var other = await AddOtherOrganisationAsync(db);
        var location = new Location { OrganisationId = other.Id, Name = "Hillside Hall" };
        db.Locations.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    }

    [GeneratedRegex(@"https://localhost/accept-invitation\S+")]
    private static partial Regex LinkPattern();

    public sealed class OnSqlite(SqliteApp app) : PeopleAdminTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PeopleAdminTests(app), IClassFixture<PostgresApp>;
}
