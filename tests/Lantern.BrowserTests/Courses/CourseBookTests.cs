using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Courses;

/// <summary>
/// The sample course in real Chromium: every page type and every block passes axe, reflows at 320 px,
/// and can be read and answered with the keyboard alone.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class CourseBookTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const string Book = "/learn/sample-course/first-steps";

    public static TheoryData<string> PublicPages => new()
    {
        "/learn",
        "/learn/sample-course",
        Book,
        Book + "/noticing",
        Book + "/a-case-study",
        Book + "/what-the-figures-say",
        Book + "/telling-someone",
        Book + "/acting-on-a-worry",
        Book + "/check-what-you-know",
        Book + "/references",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_of_the_sample_course_has_no_axe_violations(string path)
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, path);

        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_of_the_sample_course_needs_no_sideways_scrolling_at_320_px(string path)
    {
        var page = await NewPageAsync(app, width: NarrowestWidth);
        await OpenAsync(page, path);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= NarrowestWidth, $"{path} is {scrollWidth} px wide at {NarrowestWidth} px");
    }

    [Theory]
    [InlineData(Roles.Learner, Book + "/acting-on-a-worry")]
    [InlineData(Roles.Learner, "/learn")]
    [InlineData(Roles.CourseAuthor, "/learn/import")]
    public async Task A_course_page_seen_signed_in_has_no_axe_violations(string role, string path)
    {
        var page = await NewPageAsync(app, signedInAs: role);
        await OpenAsync(page, path);

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_import_page_listing_a_broken_courses_problems_has_no_axe_violations()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.CourseAuthor);
        await OpenAsync(page, "/learn/import");
        await page.GetByLabel("Course zip file").SetInputFilesAsync(new FilePayload { Name = "course.zip", MimeType = "application/zip", Buffer = "not a zip"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import course" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_marked_answer_announces_the_result_shows_feedback_on_every_option_and_has_no_axe_violations()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/check-what-you-know");
        var question = page.Locator("#block-first-step");
        await question.GetByLabel("Promise to keep it a secret").CheckAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Check your answer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your answer is not right yet.");
        await Expect(page.Locator("#block-first-step-result")).ToContainTextAsync("Never promise this");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_answer_sent_empty_shows_the_error_and_has_no_axe_violations()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/check-what-you-know");
        await page.Locator("#block-order-of-steps").GetByRole(AriaRole.Button, new() { Name = "Check your answer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_case_study_step_with_its_feedback_has_no_axe_violations()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/a-case-study?case=sams-evening&step=new-phone&choice=ask-gently");
        await Expect(page.GetByText("Good. Asking open questions")).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_reader_goes_through_the_book_from_its_first_page_to_the_references_with_the_keyboard_alone()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book);
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start reading" }));
        await page.Keyboard.PressAsync("Enter");

        foreach (var title in new[] { "1 Noticing a worry", "2 A case study", "3 What the figures say", "4 Telling someone", "5 Acting on a worry", "6 Check what you know" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await TabUntilFocusedAsync(page, page.Locator("a[rel=next]"));
            await page.Keyboard.PressAsync("Enter");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "References", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_answers_a_question_with_the_keyboard_alone()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/check-what-you-know");
        var question = page.Locator("#block-can-refer-directly");

        await TabUntilFocusedAsync(page, question.GetByLabel("True"));
        await page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(page, question.GetByRole(AriaRole.Button, new() { Name = "Check your answer" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your answer is right.");
    }

    [Fact]
    public async Task A_reader_puts_items_in_order_with_the_keyboard_alone()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/check-what-you-know");
        var question = page.Locator("#block-order-of-steps");

        foreach (var (item, place) in new[] { ("Notice the worry", "1"), ("Write down what you saw and heard", "2"), ("Tell your safeguarding lead", "3") })
        {
            var select = question.GetByLabel(item);
            await TabUntilFocusedAsync(page, select);
            await select.SelectOptionAsync(place);
        }

        await TabUntilFocusedAsync(page, question.GetByRole(AriaRole.Button, new() { Name = "Check your answer" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your answer is right.");
    }

    [Fact]
    public async Task Slides_step_by_keyboard_and_say_which_slide_is_showing()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, Book + "/what-the-figures-say");
        var deck = page.Locator("#block-grooming-stages");
        await Expect(deck.GetByRole(AriaRole.Heading, new() { Name = "Slide 1 of 4: Targeting" })).ToBeVisibleAsync();
        await Expect(deck.GetByRole(AriaRole.Heading, new() { Name = "Slide 2 of 4: Friendship" })).ToBeHiddenAsync();

        await TabUntilFocusedAsync(page, deck.GetByRole(AriaRole.Button, new() { Name = "Next slide" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(deck.GetByRole(AriaRole.Heading, new() { Name = "Slide 2 of 4: Friendship" })).ToBeVisibleAsync();
        await Expect(deck.Locator("[aria-live=polite]")).ToHaveTextAsync("Slide 2 of 4: Friendship");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(deck.GetByRole(AriaRole.Heading, new() { Name = "Slide 3 of 4: A loving relationship" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_script_the_slides_read_as_a_list_of_sections()
    {
        var page = await NewPageAsync(app, javaScriptEnabled: false);
        await OpenAsync(page, Book + "/what-the-figures-say");
        var deck = page.Locator("#block-grooming-stages");

        await Expect(deck.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Expect(deck.GetByRole(AriaRole.Heading, new() { Name = "Slide 4 of 4: Abuse" })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, as a keyboard user moves through a page; fails if it never does.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        var handle = await target.ElementHandleAsync();
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await handle.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target} on {page.Url}");
    }
}
