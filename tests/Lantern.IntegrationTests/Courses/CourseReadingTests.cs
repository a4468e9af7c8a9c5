using System.Net;
using System.Net.Http.Headers;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Courses;

/// <summary>
/// Reading the shipped sample course (public) as a visitor and as staff: every page type, the blocks
/// that depend on the request, answers marked on the server, and addresses that lead nowhere.
/// </summary>
public abstract class CourseReadingTests(LanternApp app)
{
    private const string Book = "/learn/sample-course/first-steps";
    private const string Check = Book + "/check-what-you-know";

    public static TheoryData<string> PageTypes => new()
    {
        "/learn",
        "/learn/sample-course",
        Book,
        Book + "/noticing",
        Book + "/a-case-study",
        Book + "/what-the-figures-say",
        Book + "/telling-someone",
        Book + "/acting-on-a-worry",
        Check,
        Book + "/references",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task A_public_course_can_be_read_without_signing_in(string path)
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(path);

        Assert.NotEmpty(page.Text("h1"));
    }

    [Fact]
    public async Task A_chapter_page_shows_its_number_its_place_in_the_book_and_the_contents_numbered_as_in_print()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(Book + "/what-the-figures-say");

        Assert.Equal("3 What the figures say", page.Text("h1"));
        Assert.Equal("Chapter 3 of 6", page.Text("label[for=book-progress]"));
        Assert.Equal("3", page.QuerySelector("progress")!.GetAttribute("value"));
        var contents = page.QuerySelectorAll(".lantern-contents__number").Select(n => n.TextContent).ToList();
        Assert.Equal(["1", "1.1", "1.2", "2", "3", "3.1", "3.2", "4", "5", "6"], contents);
        Assert.Equal("page", page.QuerySelector($".lantern-contents a[href='{Book}/what-the-figures-say']")!.GetAttribute("aria-current"));
        Assert.Equal($"{Book}/a-case-study", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"{Book}/telling-someone", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["3.1 Children referred as possible victims of trafficking", "3.2 How grooming happens"], page.QuerySelectorAll("main h2.govuk-heading-l").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task The_reference_list_at_the_end_of_the_book_lists_every_work_cited()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(Book + "/references");

        Assert.Equal(["ref-blackpool-2023", "ref-dfe-2017", "ref-jones-2012", "ref-ukhtc-2013"], page.QuerySelectorAll(".lantern-references li").Select(li => li.Id!));
    }

    [Theory]
    [InlineData("/learn/no-such-course")]
    [InlineData("/learn/sample-course/no-such-book")]
    [InlineData("/learn/sample-course/first-steps/no-such-chapter")]
    [InlineData("/learn/sample-course/first-steps/a-case-study?case=sams-evening&step=no-such-step")]
    [InlineData("/learn/sample-course/first-steps/a-case-study?case=sams-evening&step=new-phone&choice=forged")]
    [InlineData("/learn/sample-course/first-steps/a-case-study?case=no-such-case")]
    [InlineData("/learn/%27%20OR%201%3D1--")]
    [InlineData("/learn/sample-course/media/01900000-0000-7000-8000-000000000000/media/tell-someone.webm")]
    public async Task An_address_that_leads_nowhere_is_not_found(string path)
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_knowledge_check_has_no_answers_or_feedback_in_the_page_before_it_is_answered()
    {
        using var visitor = app.NewClient();
        var html = (await visitor.GetPageAsync(Check)).Body!.InnerHtml;

        Assert.DoesNotContain("Never promise this", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Their own words matter most", html, StringComparison.Ordinal);
        Assert.DoesNotContain("right answer", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("correct", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_single_choice_answer_is_marked_with_feedback_on_every_option_and_announced()
    {
        using var visitor = app.NewClient();
        using var response = await AnswerAsync(visitor, "first-step", [new("answer", "promise")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("alert", page.QuerySelector(".govuk-notification-banner")!.GetAttribute("role"));
        Assert.Contains("Your answer is not right yet.", page.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        var feedback = page.Text("#block-first-step-result");
        Assert.Contains("Right. Listen calmly", feedback, StringComparison.Ordinal);
        Assert.Contains("Never promise this", feedback, StringComparison.Ordinal);
        Assert.Contains("Never investigate yourself", feedback, StringComparison.Ordinal);
        Assert.Equal("promise", page.QuerySelector("#block-first-step input[checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_multiple_choice_answer_with_every_right_option_is_right()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        using var response = await AnswerAsync(learner, "what-to-record", [new("answer", "words"), new("answer", "when")]);

        var page = await Html.ParseAsync(response);
        Assert.Contains("Your answer is right.", page.Text(".govuk-notification-banner"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_true_or_false_answer_is_marked()
    {
        using var visitor = app.NewClient();
        using var response = await AnswerAsync(visitor, "can-refer-directly", [new("answer", "true")]);

        Assert.Contains("Your answer is right.", (await Html.ParseAsync(response)).Text(".govuk-notification-banner"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordering_answer_is_marked_and_each_item_says_where_it_belongs()
    {
        using var visitor = app.NewClient();
        using var response = await AnswerAsync(visitor, "order-of-steps", [new("position-notice", "1"), new("position-record", "3"), new("position-tell", "2")]);

        var page = await Html.ParseAsync(response);
        Assert.Contains("Your answer is not right yet.", page.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Contains("You put it at 3; its place is 2.", page.Text("#block-order-of-steps-result"), StringComparison.Ordinal);
        Assert.Equal("3", page.QuerySelector("#block-order-of-steps-record option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("first-step", "answer", "", "Select an answer")]
    [InlineData("first-step", "answer", "forged-option", "not one of the options")]
    [InlineData("first-step", "answer", "<script>alert(1)</script>", "not one of the options")]
    [InlineData("first-step", "answer", "' OR 1=1 --", "not one of the options")]
    [InlineData("order-of-steps", "position-notice", "1", "Give every item a position")]
    public async Task An_answer_that_cannot_be_marked_is_refused_with_a_message_and_kept(string question, string field, string value, string message)
    {
        using var visitor = app.NewClient();
        using var response = await AnswerAsync(visitor, question, [new(field, value)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Contains(message, page.Text($"#block-{question}-error"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".lantern-check__result"));
    }

    [Fact]
    public async Task An_answer_to_a_question_the_chapter_does_not_have_is_not_found()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(Check);
        using var response = await visitor.SubmitAsync(page, "#block-first-step form", [new("question", "no-such-question"), new("answer", "listen")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_answer_posted_without_the_forms_token_is_refused()
    {
        using var visitor = app.NewClient();
        using var content = new FormUrlEncodedContent([new("question", "first-step"), new("answer", "listen")]);
        using var response = await visitor.PostAsync(new Uri(Check + "?handler=Check", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_case_study_moves_from_step_to_step_through_the_address_with_feedback_on_each_choice()
    {
        using var visitor = app.NewClient();
        var start = await visitor.GetPageAsync(Book + "/a-case-study");
        Assert.Contains("A new phone", start.Text("#block-sams-evening"), StringComparison.Ordinal);
        Assert.DoesNotContain("Asking open questions", start.Text("#block-sams-evening"), StringComparison.Ordinal);

        var chose = await visitor.GetPageAsync(Book + "/a-case-study?case=sams-evening&step=new-phone&choice=ask-gently");
        Assert.Contains("Good. Asking open questions", chose.Text("#block-sams-evening"), StringComparison.Ordinal);
        var next = chose.QuerySelector("#block-sams-evening a.govuk-button")!.GetAttribute("href")!;
        Assert.Equal(Book + "/a-case-study?case=sams-evening&step=the-lift#block-sams-evening", next);

        var lift = await visitor.GetPageAsync(next.Split('#')[0]);
        Assert.Contains("The lift home", lift.Text("#block-sams-evening"), StringComparison.Ordinal);
        var dead = await visitor.GetPageAsync(Book + "/a-case-study?case=sams-evening&step=the-lift&choice=confront");
        Assert.Contains("could warn someone", dead.Text("#block-sams-evening"), StringComparison.Ordinal);
        Assert.Null(dead.QuerySelector("#block-sams-evening a.govuk-button"));
    }

    [Fact]
    public async Task A_link_into_lantern_is_shown_to_staff_and_a_visitor_is_told_how_to_raise_a_concern_instead()
    {
        using var visitor = app.NewClient();
        var seenByVisitor = await visitor.GetPageAsync(Book + "/acting-on-a-worry");
        Assert.Null(seenByVisitor.QuerySelector("a[href='/concerns/new']"));
        Assert.Contains("How to raise a concern about a child", seenByVisitor.Text("#block-record-a-concern"), StringComparison.Ordinal);
        Assert.Contains("999", seenByVisitor.Text("#block-record-a-concern"), StringComparison.Ordinal);
        Assert.NotNull(seenByVisitor.QuerySelector("a[href='/warning-signs']"));

        var learner = await app.SignedInAsAsync(Roles.Learner);
        var seenByStaff = await learner.GetPageAsync(Book + "/acting-on-a-worry");
        Assert.Equal("Record a concern", seenByStaff.QuerySelector("#block-record-a-concern a[href='/concerns/new']")!.TextContent);
    }

    [Fact]
    public async Task The_video_its_captions_and_its_described_video_are_served_with_ranges()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(Book + "/telling-someone");
        var video = page.QuerySelector("video source")!.GetAttribute("src")!;
        Assert.Equal("captions", page.QuerySelector("video track[kind=captions]")!.GetAttribute("kind"));
        Assert.NotNull(page.QuerySelector("video track[kind=descriptions]"));
        Assert.Contains("Write down what you saw and heard", page.Text(".lantern-video__transcript"), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(video, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var part = await visitor.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/webm", part.Content.Headers.ContentType!.MediaType);
        Assert.Equal(100, (await part.Content.ReadAsByteArrayAsync()).Length);

        using var captions = await visitor.GetAsync(new Uri(page.QuerySelector("video track[kind=captions]")!.GetAttribute("src")!, UriKind.Relative));
        Assert.StartsWith("WEBVTT", await captions.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_chapter_is_kept_for_visitors_and_each_copy_still_gets_its_own_nonce_and_no_inline_script()
    {
        using var visitor = app.NewClient();
        using var first = await visitor.GetAsync(new Uri(Book + "/what-the-figures-say", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri(Book + "/what-the-figures-say", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age.HasValue, "the second visitor's copy is the kept page");
        Assert.NotEqual(Nonce(first), Nonce(second));
        var page = await Html.ParseAsync(second);
        Assert.Equal("3 What the figures say", page.Text("h1"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "a kept page runs under another response's nonce, so no script may be inline"));
        Assert.Equal("no-store", second.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Staff_never_get_the_page_kept_for_visitors_and_a_page_with_a_form_is_never_kept()
    {
        using var visitor = app.NewClient();
        (await visitor.GetAsync(new Uri(Book + "/acting-on-a-worry", UriKind.Relative))).Dispose();
        (await visitor.GetAsync(new Uri(Check, UriKind.Relative))).Dispose();

        var learner = await app.SignedInAsAsync(Roles.Learner);
        using var seenByStaff = await learner.GetAsync(new Uri(Book + "/acting-on-a-worry", UriKind.Relative));
        Assert.False(seenByStaff.Headers.Age.HasValue);
        Assert.NotNull((await Html.ParseAsync(seenByStaff)).QuerySelector("#block-record-a-concern a[href='/concerns/new']"));

        using var check = await visitor.GetAsync(new Uri(Check, UriKind.Relative));
        Assert.False(check.Headers.Age.HasValue, "a knowledge check's form carries a token of the visitor's own");
        using var missing = await visitor.GetAsync(new Uri(Book + "/no-such-chapter", UriKind.Relative));
        using var missingAgain = await visitor.GetAsync(new Uri(Book + "/no-such-chapter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missingAgain.StatusCode);
        Assert.False(missingAgain.Headers.Age.HasValue);
    }

    [Fact]
    public async Task A_visitors_menu_leads_to_the_public_courses_and_to_signing_in()
    {
        using var visitor = app.NewClient();
        var signIn = await visitor.GetPageAsync("/sign-in");
        Assert.Equal(["/learn", "/sign-in"], signIn.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")));

        var courses = await visitor.GetPageAsync("/learn");
        Assert.Equal("/learn", courses.QuerySelector(".govuk-service-navigation__item--active a")!.GetAttribute("href"));
        Assert.NotNull(courses.QuerySelector("a[href='/learn/sample-course']"));
    }

    [Fact]
    public async Task Learn_is_in_the_navigation_of_a_signed_in_person()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var page = await learner.GetPageAsync("/learn");

        Assert.Equal("/learn", page.QuerySelector(".govuk-service-navigation__item--active a")!.GetAttribute("href"));
    }

    private static string Nonce(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string question, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(Check);
        return await client.SubmitAsync(page, $"#block-{question} form", fields);
    }

    public sealed class OnSqlite(SqliteApp app) : CourseReadingTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CourseReadingTests(app), IClassFixture<PostgresApp>;
}
