using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Layout;

/// <summary>
/// At 320 CSS px wide (a small phone, or 1280 px zoomed to 400 %) the pages reflow: nothing needs
/// scrolling sideways (WCAG 1.4.10).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class NarrowScreenTests(Chromium chromium, RiversideApp app, FirstSignInApp firstSignIn) : BrowserTest(chromium)
{
    // The elements sticking out past the right edge of the viewport, to say what to fix.
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
    public async Task The_sign_in_page_needs_no_sideways_scrolling_at_320_px()
    {
        var page = await NewPageAsync(app, width: NarrowestWidth);
        await OpenAsync(page, "/sign-in");

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Fact]
    public async Task The_home_page_needs_no_sideways_scrolling_at_320_px()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin, width: NarrowestWidth);
        await OpenAsync(page, "/");

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Fact]
    public async Task The_list_of_people_needs_no_sideways_scrolling_at_320_px()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin, width: NarrowestWidth);
        await OpenAsync(page, "/admin/people");

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Fact]
    public async Task The_audit_log_needs_no_sideways_scrolling_at_320_px()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin, width: NarrowestWidth);
        await OpenAsync(page, "/admin/audit");

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Fact]
    public async Task The_page_to_set_up_two_step_verification_needs_no_sideways_scrolling_at_320_px()
    {
        var page = await NewPageAsync(firstSignIn, width: NarrowestWidth);
        await DemoPeople.SignInWithPasswordAsync(page, DemoPeople.EmailFor(firstSignIn.TakeNewcomer()));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step verification", Level = 1 })).ToBeVisibleAsync();

        await AssertNoSidewaysScrollingAsync(page);
    }

    [Theory]
    [InlineData(Roles.TrainingManager, "/training")]
    [InlineData(Roles.TrainingManager, "/training/assignments")]
    [InlineData(Roles.TrainingManager, "/training/settings")]
    [InlineData(Roles.Learner, "/my-training")]
    [InlineData(null, "/verify")]
    [InlineData(null, "/verify?code=not-a-code-at-all-but-rather-long-text-without-spaces")]
    public async Task The_training_pages_need_no_sideways_scrolling_at_320_px(string? role, string path)
    {
        var page = await NewPageAsync(app, signedInAs: role, width: NarrowestWidth);
        await OpenAsync(page, path, expectedStatus: path.Contains("code=", StringComparison.Ordinal) ? 400 : 200);

        await AssertNoSidewaysScrollingAsync(page);
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > NarrowestWidth)
        {
            var wide = await page.EvaluateAsync<string[]>(WiderThanViewport);
            Assert.Fail($"{page.Url} is {scrollWidth} px wide at a {NarrowestWidth} px viewport, so it scrolls sideways. Wider than the viewport:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", wide)}");
        }
    }
}
