using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Navigation;

/// <summary>The navigation offers each person the parts of Lantern their roles can use, and no others.</summary>
[Collection(BrowserSuite.Name)]
public sealed class NavigationByRoleTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_learner_sees_no_People_link_in_the_navigation()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(page, "/");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });

        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organisation_admin_sees_a_People_link_in_the_navigation_that_opens_the_list_of_people()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/");
        var people = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "People", Exact = true });

        await Expect(people).ToBeVisibleAsync();
        await people.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true, Level = 1 })).ToBeVisibleAsync();
    }
}
