using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Accessibility;

/// <summary>
/// Every page passes axe (WCAG 2.0, 2.1 and 2.2, A and AA, target size included) in real Chromium:
/// as first opened, forms again after sending them empty, the home page once for each role.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageAccessibilityTests(Chromium chromium, RiversideApp app, FirstSignInApp firstSignIn) : BrowserTest(chromium)
{
    public static TheoryData<string> EveryRole => new(DemoPeople.AllRoles);

    public static TheoryData<string, string> SignedInPages => new()
    {
        { Roles.Learner, "/account" },
        { Roles.Learner, "/sign-out" },
        { Roles.Learner, "/warning-signs" },
        { Roles.OrganisationAdmin, "/account" },
        { Roles.OrganisationAdmin, "/account/password" },
        { Roles.OrganisationAdmin, "/admin/people" },
        { Roles.OrganisationAdmin, "/admin/people/new" },
        { Roles.OrganisationAdmin, "/admin/locations" },
        { Roles.OrganisationAdmin, "/admin/audit" },
        { Roles.OrganisationAdmin, "/admin/xapi" },
        { Roles.Learner, "/concerns/mine" },
        { Roles.Dsl, "/concerns" },
        { Roles.Learner, "/my-training" },
        { Roles.TrainingManager, "/training" },
        { Roles.TrainingManager, "/training/assignments" },
        { Roles.TrainingManager, "/training/settings" },
    };

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/signed-out")]
    [InlineData("/signed-out?reason=timeout")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/warning-signs")]
    [InlineData("/verify")]
    [InlineData("/verify/0000-0000-0000-0000-0000-0000")]
    public async Task A_page_for_people_not_signed_in_has_no_axe_violations(string path)
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, path, expectedStatus: path.StartsWith("/verify/", StringComparison.Ordinal) ? 404 : 200);

        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [InlineData(null, "/verify", "Check the certificate")]
    [InlineData(Roles.TrainingManager, "/training/assignments", "Assign the course")]
    [InlineData(Roles.TrainingManager, "/training/settings", "Save the refresher period")]
    [InlineData(null, "/sign-in", "Sign in")]
    [InlineData(Roles.OrganisationAdmin, "/account/password", "Change password")]
    [InlineData(Roles.OrganisationAdmin, "/admin/people/new", "Send invitation")]
    [InlineData(Roles.OrganisationAdmin, "/admin/locations", "Add location")]
    public async Task A_form_sent_empty_and_showing_its_errors_has_no_axe_violations(string? signedInAs, string path, string button)
    {
        var page = await NewPageAsync(app, signedInAs);
        await OpenAsync(page, path);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_learning_statements_page_with_a_date_that_is_not_real_shows_its_error_without_axe_violations()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/admin/xapi");
        var from = page.GetByRole(AriaRole.Group, new() { Name = "From (optional)" });
        await from.GetByLabel("Day").FillAsync("31");
        await from.GetByLabel("Month").FillAsync("2");
        await from.GetByLabel("Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download statements (JSON)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "From (optional)" }).GetByLabel("Day")).ToHaveValueAsync("31");

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_audit_log_filtered_by_a_record_that_is_not_right_shows_its_error_without_axe_violations()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/admin/audit");
        await page.GetByLabel("Record").FillAsync("not a record");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_not_found_has_no_axe_violations()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, "/no-such-page", expectedStatus: 404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_to_set_up_two_step_verification_has_no_axe_violations()
    {
        var page = await NewPageAsync(firstSignIn);
        await DemoPeople.SignInWithPasswordAsync(page, DemoPeople.EmailFor(firstSignIn.TakeNewcomer()));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step verification", Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_recovery_codes_shown_after_setting_up_two_step_verification_have_no_axe_violations()
    {
        var page = await NewPageAsync(firstSignIn);
        await DemoPeople.SignInWithPasswordAsync(page, DemoPeople.EmailFor(firstSignIn.TakeNewcomer()));
        await DemoPeople.SetUpAuthenticatorAsync(page);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_asking_for_the_authenticator_code_at_sign_in_has_no_axe_violations()
    {
        var page = await NewPageAskingForCodeAsync(app, Roles.Dsl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app", Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_asking_for_a_recovery_code_at_sign_in_has_no_axe_violations()
    {
        var page = await NewPageAskingForCodeAsync(app, Roles.Dsl);
        await OpenAsync(page, "/sign-in/recovery-code");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with a recovery code", Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task The_home_page_of_every_role_has_no_axe_violations(string role)
    {
        var page = await NewPageAsync(app, signedInAs: role);
        await OpenAsync(page, "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoPeople.NameFor(role), Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_training_pages_with_a_course_assigned_to_everyone_have_no_axe_violations()
    {
        var manager = await NewPageAsync(app, signedInAs: Roles.TrainingManager);
        await OpenAsync(manager, "/training/assignments");
        await manager.GetByLabel("Course", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await manager.GetByLabel("Everyone", new() { Exact = true }).CheckAsync();
        var due = TimeProvider.System.GetUtcNow().AddDays(40);
        await manager.GetByLabel("Day").FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByLabel("Month").FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByLabel("Year").FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Assign the course" }).ClickAsync();
        await Expect(manager.GetByText("The course has been assigned.")).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();

        await OpenAsync(manager, "/training");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "People and courses" })).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();

        await manager.GetByRole(AriaRole.Link, new() { Name = DemoPeople.NameFor(Roles.Learner), Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Record training done elsewhere" })).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the training" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();

        var learner = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(learner, "/my-training");
        await Expect(learner.Locator("main tbody a").First).ToBeVisibleAsync();
        await learner.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task A_signed_in_page_has_no_axe_violations(string role, string path)
    {
        var page = await NewPageAsync(app, signedInAs: role);
        await OpenAsync(page, path);

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_of_a_person_in_the_organisation_has_no_axe_violations()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/admin/people");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = DemoPeople.NameFor(Roles.Learner), Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(href);
        await OpenAsync(page, href);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoPeople.NameFor(Roles.Learner), Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_of_a_person_just_invited_has_no_axe_violations()
    {
        var admin = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);

        await InviteAsync(admin, "Sam Lee", "sam.lee@riverside.example");

        await admin.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_to_create_a_password_from_an_invitation_has_no_axe_violations()
    {
        var admin = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await InviteAsync(admin, "Jo Evans", "jo.evans@riverside.example");
        var page = await NewPageAsync(app);

        await OpenAsync(page, (await app.InvitationLinkAsync("jo.evans@riverside.example")).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your password", Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_to_create_a_password_showing_errors_has_no_axe_violations()
    {
        var admin = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await InviteAsync(admin, "Kit Moss", "kit.moss@riverside.example");
        var page = await NewPageAsync(app);
        await OpenAsync(page, (await app.InvitationLinkAsync("kit.moss@riverside.example")).PathAndQuery);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_page_for_an_invitation_link_that_is_not_right_has_no_axe_violations()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, $"/accept-invitation?user={Guid.Empty}&token=not-a-token", expectedStatus: 400);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This invitation link has expired or is not right", Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>The admin invites a new learner and lands on their page, which says the invitation went.</summary>
    private static async Task InviteAsync(IPage admin, string name, string email)
    {
        await OpenAsync(admin, "/admin/people/new");
        await admin.GetByLabel("Full name").FillAsync(name);
        await admin.GetByLabel("E-mail address").FillAsync(email);
        await admin.GetByLabel("Learner", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.GetByText("Invitation sent to " + email)).ToBeVisibleAsync();
    }
}
