using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Concerns;

/// <summary>
/// The new concerns pages in real Chromium at 320 px: the safeguarding settings changed by keyboard alone
/// (an error, then saved), and the staff step's search; each axe-clean and with no sideways scrolling.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class SafeguardingSettingsBrowserTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const string WiderThanViewport = """
        () => Array.from(document.querySelectorAll('body *'))
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([e, box]) => box.width > 0 && box.right > document.documentElement.clientWidth + 0.5)
          .slice(0, 8)
          .map(([e, box]) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')
            + ' (right edge at ' + Math.round(box.right) + ' px)')
        """;

    [Fact]
    public async Task The_admin_corrects_and_saves_the_safeguarding_settings_by_keyboard_at_320_px()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin, width: NarrowestWidth);
        await OpenAsync(page, "/admin/safeguarding");
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollingAsync(page);

        var minutes = page.GetByLabel("Minutes before an unopened urgent concern is escalated");
        await TabUntilAsync(page, minutes);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("half an hour");
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Minutes must be a whole number, like 30" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollingAsync(page);

        // The error links to the field; put back the demo's 30 minutes.
        await TabUntilAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Minutes must be a whole number, like 30" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(minutes).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("30");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Safeguarding settings saved")).ToBeVisibleAsync();
        await Expect(minutes).ToHaveValueAsync("30");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_staff_search_at_the_staff_step_is_axe_clean_at_320_px()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner, width: NarrowestWidth);
        await OpenAsync(page, "/concerns/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is the concern about a member of staff or volunteer?", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Name or e-mail address").FillAsync("riverside");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("input[name='Input.SubjectPersonId']").First).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollingAsync(page);

        await page.GetByLabel("Name or e-mail address").FillAsync("zzzz-nobody");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await AssertNoSidewaysScrollingAsync(page);
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > NarrowestWidth)
        {
            var wide = await page.EvaluateAsync<string[]>(WiderThanViewport);
            Assert.Fail($"{page.Url} is {scrollWidth} px wide at a {NarrowestWidth} px viewport. Wider:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", wide)}");
        }
    }
}
