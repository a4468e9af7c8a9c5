using System.Text;
using System.Text.RegularExpressions;
using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Lantern.Courses.Import;
using Lantern.Courses.Model;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Learning;

/// <summary>
/// The CSE course book taken as a new learner would (issue 6, "How this will be checked"): every
/// chapter read in turn with the keyboard, the end-of-book check answered at the pass mark with the
/// right answers read from the course's own files (never from the page), the completion and the
/// certificate on My training, the certificate's PDF downloaded and its code checked on the public
/// verification page; then the training manager revokes it with a reason and the code says so. Axe runs on
/// every kind of page met on the way.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class CompleteCseBookTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const string Course = "/learn/cse";

    [Fact]
    public async Task A_learner_reads_the_cse_book_passes_its_check_at_the_pass_mark_and_gets_a_certificate_anyone_can_verify()
    {
        var course = CourseReader.Read(CourseSource.FromFolder(Path.Combine(LanternProcess.RepositoryRoot(), "content", "courses", "cse")), Guid.Empty).Course
            ?? throw new InvalidOperationException("The CSE course files could not be read.");
        var book = Assert.Single(course.Books);
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);

        // The course page, then the book's first chapter, then Next with the keyboard to the end.
        await OpenAsync(page, Course);
        await page.AssertNoAxeViolationsAsync();
        await OpenAsync(page, $"{Course}/{book.Id}/{book.Chapters[0].Id}");
        await page.AssertNoAxeViolationsAsync();
        for (var i = 1; i < book.Chapters.Count; i++)
        {
            await page.Locator("a.govuk-pagination__link[rel=next]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{Course}/{book.Id}/{book.Chapters[i].Id}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(book.Chapters[i].Title);
        }

        // The end-of-book check: just enough answers right to reach the pass mark, the rest wrong.
        var check = Assert.Single(book.Chapters, c => c.Assessed);
        var questions = check.Questions.ToList();
        Assert.NotEmpty(questions);
        var right = (questions.Count * course.PassMark + 99) / 100;
        Assert.True(right < questions.Count, "The test answers at least one question wrong, so the pass mark itself is what passes it.");
        for (var i = 0; i < questions.Count; i++)
        {
            await AnswerAsync(page, questions[i], rightly: i < right);
            if (i == 0)
            {
                await page.AssertNoAxeViolationsAsync();
            }
        }

        var score = right * 100 / questions.Count;
        Assert.True(score >= course.PassMark);
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Course complete" });
        await Expect(banner).ToContainTextAsync($"You have completed {course.Title} with a score of {score}%");
        await page.AssertNoAxeViolationsAsync();

        // My training shows the course complete and its certificate.
        await banner.GetByRole(AriaRole.Link, new() { Name = "Get your certificate from My training" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/my-training");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = course.Title });
        await Expect(row.First).ToContainTextAsync("Complete");
        await Expect(row.First).ToContainTextAsync("Valid until");
        await page.AssertNoAxeViolationsAsync();
        var certificate = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Certificate: " + Regex.Escape(course.Title)) }).First;
        var href = await certificate.GetAttributeAsync("href") ?? throw new InvalidOperationException("The certificate link has no address.");

        // The PDF, fetched with the learner's own session, carries the code in its link to the verification page.
        var pdf = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var bytes = await pdf.BodyAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        var link = VerifyLink().Match(Encoding.Latin1.GetString(bytes));
        Assert.True(link.Success, "The certificate PDF has no link to the verification page.");
        var code = link.Groups["code"].Value;

        // Anyone, signed out, can check it.
        var visitor = await NewPageAsync(app);
        await OpenAsync(visitor, "/verify/" + code);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "This certificate is genuine", Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync(DemoPeople.NameFor(Roles.Learner));
        await Expect(visitor.Locator("main")).ToContainTextAsync(course.Title);
        await visitor.AssertNoAxeViolationsAsync();

        // The training manager revokes it from the learner's history, with a reason; the code then says so.
        var manager = await NewPageAsync(app, signedInAs: Roles.TrainingManager);
        await OpenAsync(manager, "/training");
        await manager.GetByRole(AriaRole.Link, new() { Name = DemoPeople.NameFor(Roles.Learner), Exact = true }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Revoke the certificate for " + Regex.Escape(course.Title)) }).First.ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Revoke a certificate", Level = 1 })).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();
        await manager.GetByLabel("Why are you revoking it?").FillAsync("Completed on a colleague's account, by the colleague.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to revoke this certificate?", Level = 1 })).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke the certificate" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Certificate revoked", Level = 1 })).ToBeVisibleAsync();
        await manager.AssertNoAxeViolationsAsync();

        await OpenAsync(visitor, "/verify/" + code);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "This certificate has been revoked", Level = 1 })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();
    }

    /// <summary>Answers one question in its own form, as the course file says is right (or not), and waits for the marking.</summary>
    private static async Task AnswerAsync(IPage page, CheckBlock question, bool rightly)
    {
        var block = page.Locator("#" + question.ElementId);
        switch (question.Type)
        {
            case CheckKind.Ordering:
                // The file lists the items in their right order; a wrong answer swaps the first two.
                for (var place = 0; place < question.Options.Count; place++)
                {
                    var given = rightly ? place : place switch { 0 => 1, 1 => 0, _ => place };
                    await block.Locator($"#{question.ElementId}-{question.Options[place].Id}").SelectOptionAsync((given + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            case CheckKind.MultipleChoice:
                foreach (var option in rightly ? question.Options.Where(o => o.Correct) : question.Options.Where(o => !o.Correct).Take(1))
                {
                    await block.Locator($"#{question.ElementId}-{option.Id}").CheckAsync();
                }

                break;
            default:
                var choice = question.Options.First(o => o.Correct == rightly);
                await block.Locator($"#{question.ElementId}-{choice.Id}").CheckAsync();
                break;
        }

        await block.GetByRole(AriaRole.Button, new() { Name = "Check your answer" }).ClickAsync();
        await Expect(page.Locator($"#{question.ElementId}-result")).ToContainTextAsync(rightly ? "Right: well done." : "Not right yet.");
    }

    [GeneratedRegex(@"/verify/(?<code>[A-Za-z0-9-]{16,40})")]
    private static partial Regex VerifyLink();
}
