using System.Text.RegularExpressions;
using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Sessions;

/// <summary>
/// Before the idle timeout signs a person out, a dialog warns them and lets them stay signed in
/// (WCAG 2.2.1 Timing Adjustable). The app here signs people out after 4 idle minutes and warns 3
/// minutes before; the page's clock is moved forward instead of waiting.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class SessionTimeoutWarningTests(Chromium chromium, ShortIdleTimeoutApp app) : BrowserTest(chromium), IClassFixture<ShortIdleTimeoutApp>
{
    private const string WarningTitle = "You will be signed out soon";

    [Fact]
    public async Task The_warning_opens_before_the_idle_timeout_and_Stay_signed_in_keeps_the_session()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Dsl);
        await page.Clock.InstallAsync();
        await OpenAsync(page, "/");
        var warning = page.GetByRole(AriaRole.Dialog, new() { Name = WarningTitle });
        await Expect(warning).ToBeHiddenAsync();

        // A minute and a bit idle: 2 min 55 s left of the 4 minutes, inside the 3-minute warning.
        await page.Clock.FastForwardAsync("01:05");

        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning.GetByRole(AriaRole.Heading, new() { Name = WarningTitle, Level = 2 })).ToBeVisibleAsync();
        await Expect(warning).ToHaveAccessibleDescriptionAsync(SignOutIn());
        await page.AssertNoAxeViolationsAsync();

        var stay = warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" });
        await Expect(stay).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(warning).ToBeHiddenAsync();
        // The page now counts from the renewed session, so a few seconds on there is still no warning.
        await page.Clock.FastForwardAsync("00:05");
        await Expect(warning).ToBeHiddenAsync();
        await page.ReloadAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoPeople.NameFor(Roles.Dsl), Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex("we will sign you out in .*minute", RegexOptions.IgnoreCase)]
    private static partial Regex SignOutIn();
}
