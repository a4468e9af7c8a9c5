using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Lantern.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Keyboard;

/// <summary>
/// The main journeys done with the keyboard alone (WCAG 2.1.1): Tab, type, Enter. Nothing here
/// clicks; each step checks where focus is, as a keyboard user would see it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class KeyboardJourneyTests(Chromium chromium, RiversideApp app, FirstSignInApp firstSignIn) : BrowserTest(chromium)
{
    [Theory]
    [InlineData(null, "/sign-in")]
    [InlineData(Roles.OrganisationAdmin, "/")]
    public async Task The_first_Tab_focuses_the_skip_link_and_Enter_on_it_moves_focus_to_the_main_content(string? signedInAs, string path)
    {
        var page = await NewPageAsync(app, signedInAs);
        await OpenAsync(page, path);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_person_can_sign_in_with_the_keyboard_alone()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, "/sign-in");

        await SkipToMainContentAsync(page);
        await TabToAsync(page, page.GetByLabel("E-mail address"));
        await page.Keyboard.TypeAsync(DemoPeople.EmailFor(Roles.Learner));
        await TabToAsync(page, page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoPeople.NameFor(Roles.Learner), Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_case_role_can_set_up_two_step_verification_with_the_keyboard_alone()
    {
        var role = firstSignIn.TakeNewcomer();
        var page = await NewPageAsync(firstSignIn);
        await OpenAsync(page, "/sign-in");

        // Tabbing through the header this time, not skipping it.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }));
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Lantern", Exact = true }));
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Worried about a child?", Exact = true }));
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }));
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }));
        await TabToAsync(page, page.GetByLabel("E-mail address"));
        await page.Keyboard.TypeAsync(DemoPeople.EmailFor(role));
        await TabToAsync(page, page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step verification", Level = 1 })).ToBeVisibleAsync();
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await SkipToMainContentAsync(page);
        await TabToAsync(page, page.GetByLabel("Code", new() { Exact = true }));
        await page.Keyboard.TypeAsync(DemoPeople.CodeFor(key));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification is set up" })).ToBeVisibleAsync();
        await StartAtMainContentAsync(page);
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "I have saved my codes" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoPeople.NameFor(role), Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_training_manager_can_assign_a_course_with_the_keyboard_alone()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.TrainingManager);
        await OpenAsync(page, "/training/assignments");
        await SkipToMainContentAsync(page);
        await TabToAsync(page, page.GetByLabel("Course", new() { Exact = true }));
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, page.GetByLabel("Everyone", new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByLabel("Everyone", new() { Exact = true })).ToBeCheckedAsync();
        var due = TimeProvider.System.GetUtcNow().AddDays(90);
        await TabToAsync(page, page.GetByLabel("Role", new() { Exact = true }));
        await TabToAsync(page, page.GetByLabel("Location", new() { Exact = true }));
        await TabToAsync(page, page.GetByLabel("Person", new() { Exact = true }));
        await TabToAsync(page, page.GetByLabel("Day"));
        await page.Keyboard.TypeAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TabToAsync(page, page.GetByLabel("Month"));
        await page.Keyboard.TypeAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TabToAsync(page, page.GetByLabel("Year"));
        await page.Keyboard.TypeAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Assign the course" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("The course has been assigned.")).ToBeVisibleAsync();
    }

    /// <summary>From a freshly loaded page: the first Tab reaches the skip link, and Enter on it puts focus on the main content.</summary>
    private static async Task SkipToMainContentAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    /// <summary>
    /// Puts the keyboard at the start of the main content. A form without an action posts to the page's
    /// own address, so after the skip link was used its answer opens at #main-content and already starts
    /// there; any other page needs the skip link.
    /// </summary>
    private static async Task StartAtMainContentAsync(IPage page)
    {
        if (new Uri(page.Url).Fragment != "#main-content")
        {
            await SkipToMainContentAsync(page);
        }
    }

    /// <summary>One press of Tab moves focus to <paramref name="next"/>: nothing unexpected sits in between.</summary>
    private static async Task TabToAsync(IPage page, ILocator next)
    {
        await page.Keyboard.PressAsync("Tab");
        await Expect(next).ToBeFocusedAsync();
    }
}
