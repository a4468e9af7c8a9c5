using System.Net;
using System.Text.Json;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Progress;
using Lantern.Learning.Statements;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// A signed-in learner reads a course book: progress stored on the first view of each chapter and per
/// answer, completion marked on the server at the pass mark, a certificate anyone can verify, and the
/// ways a learner might try to get round it refused.
/// </summary>
public abstract class LearningRecordsTests(LanternApp app)
{
    private const string Sample = "sample-course";

    [Fact]
    public async Task A_learner_who_reads_every_chapter_and_passes_the_check_completes_the_course_and_gets_a_certificate_anyone_can_verify()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Robin Ellis");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (courseId, course) = await LearningData.CourseAsync(app, Sample);

        using var last = await LearningData.CompleteAsync(client, course);
        var page = await Html.ParseAsync(last);
        Assert.Equal("Course complete", page.Text("#completed-title"));
        Assert.Contains("You have completed", page.Text("main"), StringComparison.Ordinal);

        var completion = Assert.Single(await LearningData.CompletionsAsync(app, learner.Id));
        Assert.Equal(100, completion.Score);
        Assert.Equal(80, completion.PassMark);
        Assert.Equal(12, completion.RefresherMonths);
        Assert.Equal(1, completion.VersionNumber);
        Assert.Equal(completion.CompletedOn.AddMonths(12), completion.ValidUntil);

        var mine = await client.GetPageAsync("/my-training");
        var row = mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(course.Title, StringComparison.Ordinal));
        Assert.Contains("Complete", row.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Take again", row.TextContent, StringComparison.Ordinal);
        var certificateLink = mine.QuerySelector("a[href^='/my-training/certificates/']")!.GetAttribute("href")!;
        using var pdf = await client.GetAsync(new Uri(certificateLink, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);

        var code = await LearningData.CertificateCodeAsync(app, learner.Id);
        using var visitor = app.NewClient();
        var verified = await visitor.GetPageAsync("/verify/" + code);
        Assert.Equal("This certificate is genuine", verified.Text("h1"));
        var shown = verified.Text("main");
        Assert.Contains("Robin Ellis", shown, StringComparison.Ordinal);
        Assert.Contains(course.Title, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(learner.Email, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("100", shown, StringComparison.Ordinal);

        var typed = await visitor.GetPageAsync("/verify?code=" + Uri.EscapeDataString(code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.Equal("This certificate is genuine", typed.Text("h1"));

        var audited = await LearningData.WithDbAsync(app, db => db.AuditEntries.Where(e => e.Action == LearningProgress.CompletedAction).ToListAsync());
        Assert.Contains(audited, e => e.RecordList.Contains("completion:" + completion.Id));
        var verbs = await LearningData.WithDbAsync(app, db => db.LearningStatements.Where(s => s.UserId == learner.Id).Select(s => s.Verb).ToListAsync());
        Assert.Equal(LearningData.Chapters(course).Count(), verbs.Count(v => v == XapiVerb.Experienced));
        Assert.Contains(XapiVerb.Answered, verbs);
        Assert.Contains(XapiVerb.Passed, verbs);
        Assert.Single(verbs, v => v == XapiVerb.Completed);
        _ = courseId;
    }

    [Fact]
    public async Task Progress_is_stored_on_the_first_view_of_a_chapter_not_on_every_view()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Jo Park");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        var (book, chapter) = LearningData.Chapters(course).First();

        await client.GetPageAsync(LearningData.ChapterPath(course, book, chapter));
        var first = await LearningData.WithDbAsync(app, db => db.ChapterViews.AsNoTracking().SingleAsync(v => v.UserId == learner.Id));
        await client.GetPageAsync(LearningData.ChapterPath(course, book, chapter));

        var views = await LearningData.WithDbAsync(app, db => db.ChapterViews.AsNoTracking().Where(v => v.UserId == learner.Id).ToListAsync());
        Assert.Equal(first.FirstViewedAt, Assert.Single(views).FirstViewedAt);
        var mine = await client.GetPageAsync("/my-training");
        var next = LearningData.Chapters(course).ElementAt(1);
        Assert.Equal(LearningData.ChapterPath(course, next.Book, next.Chapter), mine.QuerySelector($"a[href^='/learn/{Sample}']")!.GetAttribute("href"));
        Assert.Contains("In progress", mine.Text("tbody"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_score_below_the_pass_mark_does_not_complete_the_course_and_is_recorded_as_failed()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Sam Low");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);

        using var last = await LearningData.CompleteAsync(client, course, wrong: 1);

        Assert.Empty(await LearningData.CompletionsAsync(app, learner.Id));
        Assert.Null((await Html.ParseAsync(last)).QuerySelector("#completed-title"));
        var verbs = await LearningData.WithDbAsync(app, db => db.LearningStatements.Where(s => s.UserId == learner.Id).Select(s => s.Verb).ToListAsync());
        Assert.Contains(XapiVerb.Failed, verbs);
        Assert.DoesNotContain(XapiVerb.Completed, verbs);

        // Answering the wrong one again, rightly, passes: the latest answer counts.
        var (book, chapter) = LearningData.Chapters(course).Single(c => c.Chapter.Assessed);
        using var again = await LearningData.AnswerAsync(client, course, book, chapter, chapter.Questions.First(), right: true);
        Assert.Equal(100, Assert.Single(await LearningData.CompletionsAsync(app, learner.Id)).Score);
    }

    [Fact]
    public async Task An_answer_for_a_chapter_the_learner_has_not_opened_is_refused_and_not_stored()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Kit Forge");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        var (book, chapter) = LearningData.Chapters(course).Single(c => c.Chapter.Assessed);

        using var response = await LearningData.AnswerAsync(client, course, book, chapter, chapter.Questions.First(), right: true, openFirst: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Open this chapter before you answer", (await Html.ParseAsync(response)).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await LearningData.WithDbAsync(app, db => db.QuestionAnswers.CountAsync(a => a.UserId == learner.Id)));
    }

    [Fact]
    public async Task A_replayed_answer_after_completion_and_a_forged_completion_change_nothing()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Rae Play");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        using (await LearningData.CompleteAsync(client, course))
        {
        }

        var (book, chapter) = LearningData.Chapters(course).Single(c => c.Chapter.Assessed);
        var page = await client.GetPageAsync(LearningData.ChapterPath(course, book, chapter));
        foreach (var handler in new[] { "Complete", "Completion", "Certificate" })
        {
            using var forged = await client.SubmitAsync(page, $"#{chapter.Questions.First().ElementId} form", [new("score", "100")], LearningData.ChapterPath(course, book, chapter) + "?handler=" + handler);
            Assert.True((int)forged.StatusCode is >= 400 and < 500, $"handler {handler} answered {(int)forged.StatusCode}");
        }

        Assert.Single(await LearningData.CompletionsAsync(app, learner.Id));
        Assert.Equal(1, await LearningData.WithDbAsync(app, db => db.Certificates.CountAsync(c => c.UserId == learner.Id)));
    }

    [Fact]
    public async Task A_reader_who_is_not_signed_in_leaves_no_record()
    {
        using var visitor = app.NewClient();
        var (courseId, course) = await LearningData.CourseAsync(app, Sample);
        var before = await LearningData.WithDbAsync(app, db => db.ChapterViews.CountAsync(v => v.CourseId == courseId));
        var (book, chapter) = LearningData.Chapters(course).Single(c => c.Chapter.Assessed);

        using var answered = await LearningData.AnswerAsync(visitor, course, book, chapter, chapter.Questions.First(), right: true);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(before, await LearningData.WithDbAsync(app, db => db.ChapterViews.CountAsync(v => v.CourseId == courseId)));
    }

    [Fact]
    public async Task Another_persons_or_another_organisations_certificate_is_not_found()
    {
        var (courseId, course) = await LearningData.CourseAsync(app, Sample);
        var other = await LearningData.OtherOrganisationCertificateAsync(app, courseId);
        var owner = await LearningData.NewLearnerAsync(app, "Cert Owner");
        using (var ownerClient = await LearningData.SignInAsync(app, owner.Email))
        using (await LearningData.CompleteAsync(ownerClient, course))
        {
        }

        var ownersCertificate = await LearningData.WithDbAsync(app, db => db.Certificates.Where(c => c.UserId == owner.Id).Select(c => c.Id).SingleAsync());
        var learner = await app.SignedInAsAsync(Roles.Learner);
        foreach (var id in new[] { other.CertificateId, ownersCertificate, Guid.CreateVersion7() })
        {
            using var response = await learner.GetAsync(new Uri($"/my-training/certificates/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var garbage = await learner.GetAsync(new Uri("/my-training/certificates/%27%20OR%201%3D1--", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    public static TheoryData<string> BadCodes => new()
    {
        "",
        "   ",
        new string('A', 10_000),
        "ÅÄÖ-ÜÑ-漢字",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "1234",
    };

    [Theory]
    [MemberData(nameof(BadCodes))]
    public async Task A_code_that_cannot_be_a_certificate_code_gets_a_clear_message_and_is_kept(string code)
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri("/verify?code=" + Uri.EscapeDataString(code), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Single(page.ErrorSummary());
        if (!string.IsNullOrWhiteSpace(code))
        {
            Assert.Equal(code, page.QuerySelector("#Code")!.GetAttribute("value"));
        }

        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_says_no_certificate_has_it()
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri("/verify/" + Lantern.Learning.Certificates.CertificateCode.New(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No certificate has the code", (await Html.ParseAsync(response)).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_certificate_says_so()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Lee Revoked");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        using (await LearningData.CompleteAsync(client, course))
        {
        }

        var code = await LearningData.CertificateCodeAsync(app, learner.Id);
        await LearningData.WithDbAsync(app, db => db.Certificates.Where(c => c.Code == code).ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedAt, TimeProvider.System.GetUtcNow())));

        using var visitor = app.NewClient();
        Assert.Equal("This certificate has been revoked", (await visitor.GetPageAsync("/verify/" + code)).Text("h1"));
    }

    [Fact]
    public async Task Every_statement_stored_is_a_well_formed_xapi_statement()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Xan Statements");
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        using (await LearningData.CompleteAsync(client, course))
        {
        }

        var statements = await LearningData.WithDbAsync(app, db => db.LearningStatements.AsNoTracking().Where(s => s.UserId == learner.Id).ToListAsync());
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            using var json = JsonDocument.Parse(statement.Json);
            var root = json.RootElement;
            Assert.Equal(statement.Id, root.GetProperty("id").GetGuid());
            Assert.Equal("Agent", root.GetProperty("actor").GetProperty("objectType").GetString());
            Assert.Equal(learner.Id.ToString(), root.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
            Assert.Equal("https://localhost", root.GetProperty("actor").GetProperty("account").GetProperty("homePage").GetString());
            Assert.Equal(XapiVerb.Iri(statement.Verb), root.GetProperty("verb").GetProperty("id").GetString());
            Assert.StartsWith("https://localhost/learn/sample-course", root.GetProperty("object").GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal("https://localhost/learn/sample-course", root.GetProperty("context").GetProperty("contextActivities").GetProperty("parent")[0].GetProperty("id").GetString());
            Assert.Equal("1.0.3", root.GetProperty("version").GetString());
            Assert.True(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.DoesNotContain(learner.Email, statement.Json, StringComparison.Ordinal);
            Assert.DoesNotContain(learner.Name, statement.Json, StringComparison.Ordinal);
        }

        var completed = statements.Single(s => s.Verb == XapiVerb.Completed);
        var result = JsonDocument.Parse(completed.Json).RootElement.GetProperty("result");
        Assert.True(result.GetProperty("completion").GetBoolean());
        Assert.Equal(1.0, result.GetProperty("score").GetProperty("scaled").GetDouble());
    }

    public sealed class OnSqlite(SqliteApp app) : LearningRecordsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LearningRecordsTests(app), IClassFixture<PostgresApp>;
}
