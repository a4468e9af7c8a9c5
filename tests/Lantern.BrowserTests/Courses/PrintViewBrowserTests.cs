using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Courses;

/// <summary>
/// The print view of the CSE book in real Chromium: axe clean and no sideways scrolling at 320 px, the
/// header right for a visitor and for a signed-in person, and in print media only the header and the
/// book are shown, every chapter from a new page.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PrintViewBrowserTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const string Cse = "/learn/cse/course-book";

    [Theory]
    [InlineData(Cse + "/print")]
    [InlineData(Cse + "/print/statistics")]
    [InlineData("/learn/sample-course/first-steps/print")]
    public async Task The_print_view_has_no_axe_violations_and_needs_no_sideways_scrolling_at_320_px(string path)
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, path);
        await page.AssertNoAxeViolationsAsync();

        var narrow = await NewPageAsync(app, width: NarrowestWidth);
        await OpenAsync(narrow, path);
        var scrollWidth = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= NarrowestWidth, $"{path} is {scrollWidth} px wide at {NarrowestWidth} px");
    }

    [Fact]
    public async Task A_signed_in_reader_is_named_in_the_header_and_the_print_view_has_no_axe_violations()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(page, Cse + "/print/statistics");

        var header = page.Locator(".lantern-print__header");
        await Expect(header.Locator(".lantern-print__site")).ToHaveTextAsync("Lantern");
        await Expect(header.Locator(".lantern-print__field", new() { HasText = "Course" }).Locator("dd")).ToHaveTextAsync("Child sexual exploitation (CSE)");
        await Expect(header.Locator(".lantern-print__field", new() { HasText = "Chapter" }).Locator("dd")).ToHaveTextAsync("3 Statistics");
        await Expect(header.Locator(".lantern-print__field", new() { HasText = "Printed by" }).Locator("dd")).ToHaveTextAsync(DemoPeople.NameFor(Roles.Learner));
        await Expect(header.Locator(".lantern-print__field", new() { HasText = "Date and time" }).Locator("dd")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} (GMT|BST)$"));
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task In_print_only_the_header_and_the_book_are_shown_each_chapter_from_a_new_page()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Cse + "/print");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this page" })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Expect(page.Locator(".govuk-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-footer")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-breadcrumbs")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this page" })).ToBeHiddenAsync();
        await Expect(page.Locator(".lantern-print__header")).ToContainTextAsync("Anonymous visitor");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3 Statistics", Exact = true })).ToBeVisibleAsync();
        var breaks = await page.Locator(".lantern-print__page-break").EvaluateAllAsync<string[]>("els => els.map(e => getComputedStyle(e).breakBefore)");
        Assert.Equal(14, breaks.Length);
        Assert.All(breaks, b => Assert.Equal("page", b));
    }

    [Fact]
    public async Task A_chapter_links_to_its_print_view_and_the_print_view_to_its_pdf()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Cse + "/statistics");

        await page.GetByRole(AriaRole.Link, new() { Name = "Print this chapter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/learn/cse/course-book/print/statistics$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download this chapter as a PDF" })).ToHaveAttributeAsync("href", Cse + "/pdf/statistics");
    }
}
