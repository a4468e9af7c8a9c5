using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Courses;

/// <summary>
/// The shipped courses in real Chromium: every page of the CSE book and of the recording course passes
/// axe and reflows at 320 px, the CSE book's links into Lantern are checked signed in, and its
/// grooming line steps through with the keyboard.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ShippedCoursesBrowserTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const string Cse = "/learn/cse/course-book";

    private const string Recording = "/learn/recording-a-concern/recording-and-reporting";

    public static TheoryData<string> CsePages => new()
    {
        "/learn/cse",
        Cse,
        Cse + "/case-study",
        Cse + "/case-study?case=kaylas-story&step=secrets-online&choice=copy-messages",
        Cse + "/what-is-cse",
        Cse + "/statistics",
        Cse + "/features-of-cse",
        Cse + "/the-process-of-grooming",
        Cse + "/the-nature-of-grooming",
        Cse + "/perpetrators",
        Cse + "/assessing-the-situation",
        Cse + "/making-a-referral",
        Cse + "/moving-on",
        Cse + "/multi-agency-working",
        Cse + "/local-safeguarding-arrangements",
        Cse + "/resources",
        Cse + "/check-what-you-know",
        Cse + "/references",
    };

    public static TheoryData<string> SignedInPages => new()
    {
        Cse + "/assessing-the-situation",
        Cse + "/making-a-referral",
        "/learn/recording-a-concern",
        Recording + "/why-records-matter",
        Recording + "/writing-it-down",
        Recording + "/passing-it-on",
        Recording + "/check-what-you-know",
        Recording + "/references",
    };

    [Theory]
    [MemberData(nameof(CsePages))]
    public async Task Every_page_of_the_cse_book_has_no_axe_violations_and_needs_no_sideways_scrolling_at_320_px(string path)
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, path);
        await page.AssertNoAxeViolationsAsync();

        var narrow = await NewPageAsync(app, width: NarrowestWidth);
        await OpenAsync(narrow, path);
        var scrollWidth = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= NarrowestWidth, $"{path} is {scrollWidth} px wide at {NarrowestWidth} px");
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task The_pages_seen_signed_in_have_no_axe_violations(string path)
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(page, path);

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_signed_in_reader_reaches_record_a_concern_from_chapter_9()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(page, Cse + "/making-a-referral");

        var link = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Record a concern", Exact = true });
        await Expect(link).ToHaveAttributeAsync("href", "/concerns/new");
    }

    [Fact]
    public async Task The_grooming_line_steps_through_its_four_stages_with_the_keyboard()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Cse + "/the-process-of-grooming");
        var deck = page.Locator("#block-grooming-line");
        await Expect(deck.Locator(".lantern-slides__slide:visible")).ToHaveCountAsync(1);

        var next = deck.GetByRole(AriaRole.Button, new() { Name = "Next slide" });
        await next.FocusAsync();
        foreach (var stage in new[] { "Friendship forming", "Loving relationship", "Abusive relationship" })
        {
            await page.Keyboard.PressAsync("Enter");
            await Expect(deck.Locator(".lantern-slides__slide:visible")).ToContainTextAsync(stage);
        }
    }
}
