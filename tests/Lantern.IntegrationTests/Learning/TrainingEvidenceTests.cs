using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Records;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// Training done elsewhere with its evidence file (PDF, JPG or PNG, told by content, sealed at rest,
/// downloaded by the training manager as an attachment, audited) and the 24 months a designated
/// safeguarding lead's own training lasts unless the organisation says otherwise. Wrong files and files
/// too large are refused with a message, the other answers kept, nothing stored.
/// </summary>
public abstract class TrainingEvidenceTests(LanternApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>Posts the record-elsewhere form as a browser does, multipart, with a file if given.</summary>
    private static async Task<HttpResponseMessage> RecordAsync(HttpClient manager, Guid personId, Guid courseId, string provider, (string Name, byte[] Content)? file, string? dsl = null, string months = "", Guid? postTo = null)
    {
        var page = await manager.GetPageAsync($"/training/people/{personId}");
        var form = page.QuerySelector<IHtmlFormElement>("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        content.Add(new StringContent(courseId.ToString()), "Input.Course");
        content.Add(new StringContent(provider), "Input.Provider");
        content.Add(new StringContent(Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.DoneDay");
        content.Add(new StringContent(Today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.DoneMonth");
        content.Add(new StringContent(Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.DoneYear");
        content.Add(new StringContent(months), "Input.ValidMonths");
        if (dsl is not null)
        {
            content.Add(new StringContent(dsl), "Input.DslTraining");
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Input.Evidence", f.Name);
        }

        return await manager.PostAsync(new Uri($"/training/people/{postTo ?? personId}", UriKind.Relative), content);
    }

    [Fact]
    public async Task Evidence_is_kept_sealed_and_the_training_manager_downloads_it_as_an_attachment()
    {
        var person = await LearningData.NewLearnerAsync(app, "Vic Evidence");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, "cse");

        using var recorded = await RecordAsync(manager, person.Id, courseId, "County council", ("dsl-certificate.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var completion = Assert.Single(await LearningData.CompletionsAsync(app, person.Id));
        Assert.Equal("dsl-certificate.pdf", completion.EvidenceName);
        Assert.Equal("application/pdf", completion.EvidenceType);
        Assert.Equal(Pdf.Length, completion.EvidenceLength);
        Assert.NotNull(completion.EvidenceKeyId);
        Assert.DoesNotContain("%PDF", Encoding.ASCII.GetString(completion.Evidence!), StringComparison.Ordinal);

        var history = await manager.GetPageAsync($"/training/people/{person.Id}");
        var link = history.QuerySelector($"a[href='/training/people/{person.Id}/evidence/{completion.Id}']")!;
        Assert.Contains("dsl-certificate.pdf", link.TextContent, StringComparison.Ordinal);
        using var download = await manager.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("dsl-certificate.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var audited = await LearningData.WithDbAsync(app, db => db.AuditEntries.Where(e => e.Action == EvidenceFileModel.ReadAction).ToListAsync());
        Assert.Contains(audited, e => e.RecordList.Contains("completion:" + completion.Id));
    }

    public static TheoryData<string, byte[], string> WrongFiles => new()
    {
        { "certificate.pdf", Png, "The selected file's name does not match what is in it. Check it is the file you meant, and that it is a PDF, JPG or PNG" },
        { "animation.gif", Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000"), "The selected file must be a PDF, JPG or PNG" },
        { "evidence.pdf", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "The selected file must be a PDF, JPG or PNG" },
        { "'; DROP TABLE Completions; --.png", Encoding.UTF8.GetBytes("SELECT 1"), "The selected file must be a PDF, JPG or PNG" },
        { "empty.pdf", [], "The selected file is empty" },
        { "big.pdf", [.. Pdf, .. new byte[(10 * 1024 * 1024) - Pdf.Length + 1]], "The selected file must be smaller than 10 MB" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task A_wrong_file_is_refused_with_a_message_the_other_answers_kept_and_nothing_stored(string name, byte[] content, string message)
    {
        var person = await LearningData.NewLearnerAsync(app, "Wren Wrongfile");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, "cse");

        using var response = await RecordAsync(manager, person.Id, courseId, "Provider <b>ÅÄÖ 漢字</b>", (name, content), dsl: "yes", months: "18");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal("Provider <b>ÅÄÖ 漢字</b>", page.QuerySelector("#Input-Provider")!.GetAttribute("value"));
        Assert.Equal("18", page.QuerySelector("#Input-ValidMonths")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.DslTraining'][value='yes'][checked]"));
        Assert.NotNull(page.QuerySelector("#Input-Evidence-error"));
        Assert.Empty(await LearningData.CompletionsAsync(app, person.Id));
    }

    [Fact]
    public async Task A_file_too_large_for_the_request_gets_the_page_that_says_so_and_nothing_is_stored()
    {
        var person = await LearningData.NewLearnerAsync(app, "Xia Toolarge");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, "cse");

        using var response = await RecordAsync(manager, person.Id, courseId, "County council", ("huge.pdf", [.. Pdf, .. new byte[11 * 1024 * 1024]]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", (await Html.ParseAsync(response)).Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await LearningData.CompletionsAsync(app, person.Id));
    }

    [Fact]
    public async Task A_designated_safeguarding_leads_own_training_lasts_24_months_unless_the_organisation_set_a_period()
    {
        var dsl = await LearningData.NewLearnerAsync(app, "Yan Lead", "Riverside House", Roles.Dsl);
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, "recording-a-concern");

        using (var recorded = await RecordAsync(manager, dsl.Id, courseId, "Local safeguarding partnership", ("photo.png", Png), dsl: "yes"))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var first = Assert.Single(await LearningData.CompletionsAsync(app, dsl.Id));
        Assert.True(first.DslTraining);
        Assert.Equal(24, first.RefresherMonths);
        Assert.Equal(Today.AddMonths(24), first.ValidUntil);
        Assert.Contains("Designated safeguarding lead training", (await manager.GetPageAsync($"/training/people/{dsl.Id}")).Text("main"), StringComparison.Ordinal);

        // Ordinary training done elsewhere: the course's 12 months.
        var other = await LearningData.NewLearnerAsync(app, "Zed Ordinary");
        using (await RecordAsync(manager, other.Id, courseId, "Local safeguarding partnership", null, dsl: "no"))
        {
        }

        Assert.Equal(12, Assert.Single(await LearningData.CompletionsAsync(app, other.Id)).RefresherMonths);

        // The organisation's setting for the DSL role wins.
        var settings = await manager.GetPageAsync("/training/settings");
        using (var saved = await manager.SubmitAsync(settings, "form[action='/training/settings?handler=Refresher']", [new("Course", courseId.ToString()), new("Role", Roles.Dsl), new("Months", "36")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var again = await LearningData.NewLearnerAsync(app, "Ada Lead", "Riverside House", Roles.Dsl);
        using (await RecordAsync(manager, again.Id, courseId, "Local safeguarding partnership", null, dsl: "yes"))
        {
        }

        Assert.Equal(36, Assert.Single(await LearningData.CompletionsAsync(app, again.Id)).RefresherMonths);
    }

    [Fact]
    public async Task Evidence_of_another_person_or_organisation_is_not_found_and_other_roles_may_not_download_it()
    {
        var person = await LearningData.NewLearnerAsync(app, "Bo Private");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, "cse");
        using (await RecordAsync(manager, person.Id, courseId, "County council", ("letter.pdf", Pdf)))
        {
        }

        var completion = Assert.Single(await LearningData.CompletionsAsync(app, person.Id));
        var (_, strangerId) = await LearningData.OtherOrganisationCertificateAsync(app, courseId);
        var stranger = await LearningData.WithDbAsync(app, db => db.Completions.Where(c => c.UserId == strangerId).Select(c => c.Id).SingleAsync());
        foreach (var path in new[] { $"/training/people/{strangerId}/evidence/{stranger}", $"/training/people/{strangerId}/evidence/{completion.Id}", $"/training/people/{person.Id}/evidence/{Guid.CreateVersion7()}" })
        {
            using var response = await manager.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Recording for another organisation's person is not found either, and stores nothing.
        using (var forged = await RecordAsync(manager, person.Id, courseId, "Forged", ("letter.pdf", Pdf), postTo: strangerId))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        Assert.Single(await LearningData.CompletionsAsync(app, strangerId));
        foreach (var role in new[] { Roles.Learner, Roles.OrganisationAdmin, Roles.Dsl })
        {
            var client = await app.SignedInAsAsync(role);
            using var refused = await client.GetAsync(new Uri($"/training/people/{person.Id}/evidence/{completion.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
        }
    }

    public sealed class OnSqlite(SqliteApp app) : TrainingEvidenceTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TrainingEvidenceTests(app), IClassFixture<PostgresApp>;
}
