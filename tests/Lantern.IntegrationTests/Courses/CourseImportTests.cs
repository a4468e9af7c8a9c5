using System.Net;
using System.Text.Json;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Commands;
using Lantern.Courses.Import;
using Lantern.Courses.Model;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Tests.Courses;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Courses;

/// <summary>
/// Importing courses into the database: all or nothing, each import a new version keeping the authors'
/// ids, by command line and by an author's upload; an organisation's course is its own, and a private
/// course is not found by anyone who may not read it.
/// </summary>
public abstract class CourseImportTests(LanternApp app)
{
    [Fact]
    public async Task The_shipped_library_is_imported_at_start_and_not_again_when_unchanged()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var course = await db.Courses.SingleAsync(c => c.OrganisationId == null && c.Slug == "sample-course");
        Assert.NotNull(course.CurrentVersionId);
        var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();

        // Another test of this class may have imported a changed copy: the shipped files are then imported once more, and only once.
        await importer.ImportAsync(new SampleCourse().Source(), null, null, onlyIfChanged: true, CancellationToken.None);
        var versions = await db.CourseVersions.CountAsync(v => v.CourseId == course.Id);
        var again = await importer.ImportAsync(new SampleCourse().Source(), null, null, onlyIfChanged: true, CancellationToken.None);

        Assert.True(again.Unchanged);
        Assert.Equal(versions, await db.CourseVersions.CountAsync(v => v.CourseId == course.Id));
    }

    [Fact]
    public async Task A_re_import_by_command_is_a_new_version_that_keeps_every_id_and_the_old_version_and_visitors_see_it_at_once()
    {
        var before = await CurrentAsync("sample-course");
        using var visitor = app.NewClient();
        (await visitor.GetAsync(new Uri("/learn/sample-course/first-steps/noticing", UriKind.Relative))).Dispose(); // now kept for visitors
        var folder = WriteFolder(new SampleCourse().Replace("01-noticing.md", "Most worries about a child start small", "Many worries about a child start small"));

        var (code, output) = await RunImportAsync(folder);

        Assert.Equal(0, code);
        Assert.Contains($"as version {before.Number + 1}", output, StringComparison.Ordinal);
        var after = await CurrentAsync("sample-course");
        Assert.Equal(Ids(before.Content), Ids(after.Content));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            Assert.True(await db.CourseVersions.AnyAsync(v => v.Id == before.Id && v.Content == before.Json));
        }

        Assert.Contains("Many worries about a child start small", (await visitor.GetPageAsync("/learn/sample-course/first-steps/noticing")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_course_is_rejected_whole_with_file_and_line_and_the_previous_version_is_still_served()
    {
        var before = await CurrentAsync("sample-course");
        var folder = WriteFolder(new SampleCourse()
            .Replace("01-noticing.md", "Most worries about a child start small", "Changed text that must never be served")
            .Replace("01-noticing.md", "[@jones-2012]", "[@no-such-key]")
            .Replace("04-video.md", "captions: media/tell-someone.en.vtt\n", string.Empty));

        var (code, output) = await RunImportAsync(folder);

        Assert.Equal(1, code);
        Assert.Contains("The course was not imported. Fix these 2 problems", output, StringComparison.Ordinal);
        Assert.Matches(@"01-noticing\.md, line \d+: The citation key ‘no-such-key’", output);
        Assert.Matches(@"04-video\.md, line \d+: This video has no captions", output);
        Assert.Equal(before.Id, (await CurrentAsync("sample-course")).Id);
        using var visitor = app.NewClient();
        Assert.DoesNotContain("Changed text", (await visitor.GetPageAsync("/learn/sample-course/first-steps/noticing")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_library_course_is_not_found_by_a_visitor_and_is_read_by_staff_of_any_organisation()
    {
        await ImportAsync(new SampleCourse().Replace("course.yaml", "id: sample-course", "id: staff-only-course").Replace("course.yaml", "public: true", "public: false"), organisation: null);

        using var visitor = app.NewClient();
        foreach (var path in new[] { "/learn/staff-only-course", "/learn/staff-only-course/first-steps", "/learn/staff-only-course/first-steps/noticing" })
        {
            using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.DoesNotContain("staff-only-course", (await visitor.GetPageAsync("/learn")).Body!.InnerHtml, StringComparison.Ordinal);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        Assert.Equal("1 Noticing a worry", (await learner.GetPageAsync("/learn/staff-only-course/first-steps/noticing")).Text("h1"));
    }

    [Fact]
    public async Task An_authors_upload_is_their_organisations_alone_and_is_in_its_audit_log()
    {
        var author = await app.SignedInAsAsync(Roles.CourseAuthor);
        var zip = new SampleCourse().Replace("course.yaml", "id: sample-course", "id: riverside-induction").Replace("course.yaml", "public: true", "public: false").Zip();

        using var response = await UploadAsync(author, zip);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/learn/riverside-induction", response.Headers.Location!.OriginalString);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        Assert.Equal("Noticing and acting on a worry", (await learner.GetPageAsync("/learn/riverside-induction")).Text("h1"));

        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/learn/riverside-induction", UriKind.Relative))).StatusCode);
        using var stranger = await SignedInElsewhereAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri("/learn/riverside-induction/first-steps/noticing", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("riverside-induction", (await stranger.GetPageAsync("/learn")).Body!.InnerHtml, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var riverside = await db.Organisations.Where(o => o.Name == "Riverside Short Breaks").Select(o => o.Id).SingleAsync();
        var course = await db.Courses.SingleAsync(c => c.Slug == "riverside-induction");
        Assert.Equal(riverside, course.OrganisationId);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "course.import" && e.OrganisationId == riverside && e.Records.Contains("course:" + course.Id.ToString("D")));
        Assert.Equal(await db.Users.Where(u => u.Email == DemoPeople.EmailFor(Roles.CourseAuthor)).Select(u => (Guid?)u.Id).SingleAsync(), entry.ActorId);
        Assert.Contains("course-version:" + course.CurrentVersionId!.Value.ToString("D"), entry.RecordList);
    }

    [Fact]
    public async Task Another_organisations_private_course_and_its_media_are_not_found()
    {
        var other = await OtherOrganisationAsync();
        await ImportAsync(new SampleCourse().Replace("course.yaml", "id: sample-course", "id: hillside-only").Replace("course.yaml", "public: true", "public: false"), other);
        string media;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var asset = await db.CourseAssets.FirstAsync(a => a.OrganisationId == other);
            media = $"/learn/hillside-only/media/{asset.VersionId}/{asset.Path}";
        }

        var learner = await app.SignedInAsAsync(Roles.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(new Uri("/learn/hillside-only", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(new Uri(media, UriKind.Relative))).StatusCode);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(media, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_upload_with_paths_that_climb_out_of_the_folder_is_refused_listing_the_problems_and_nothing_is_stored()
    {
        var author = await app.SignedInAsAsync(Roles.CourseAuthor);
        var zip = new SampleCourse().Replace("course.yaml", "id: sample-course", "id: climbing-course").Zip(["../../etc/passwd"]);

        using var response = await UploadAsync(author, zip);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("The course was not imported", Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Contains("leads outside the course folder", page.Text("table"), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LanternDbContext>().Courses.AnyAsync(c => c.Slug == "climbing-course"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a zip at all")]
    public async Task An_upload_that_is_empty_or_not_a_zip_is_refused_with_a_message(string content)
    {
        var author = await app.SignedInAsAsync(Roles.CourseAuthor);

        using var response = await UploadAsync(author, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task Script_in_an_uploaded_course_is_never_served()
    {
        var author = await app.SignedInAsAsync(Roles.CourseAuthor);
        var zip = new SampleCourse()
            .Replace("course.yaml", "id: sample-course", "id: script-course")
            .Replace("01-noticing.md", "Most worries", "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a> Most worries")
            .Zip();
        using var response = await UploadAsync(author, zip);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await author.GetPageAsync("/learn/script-course/first-steps/noticing");
        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("script"));
        Assert.DoesNotContain("onerror", main.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", main.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_course_author_may_import()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync(new Uri("/learn/import", UriKind.Relative))).StatusCode);
        using var visitor = app.NewClient();
        var redirect = await visitor.GetAsync(new Uri("/learn/import", UriKind.Relative));
        Assert.StartsWith("/sign-in", redirect.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var author = await app.SignedInAsAsync(Roles.CourseAuthor);
        Assert.Equal("Import a course", (await author.GetPageAsync("/learn/import")).Text("h1"));
    }

    private static List<string> Ids(CourseContent content) =>
        content.Books.SelectMany(b => b.Chapters.SelectMany(c => new[] { $"{b.Id}/{c.Id}" }
            .Concat(c.Subchapters.Select(s => s.Id))
            .Concat(c.Blocks.Select(k => k.Id))
            .Concat(c.Questions.SelectMany(q => q.Options.Select(o => $"{q.Id}/{o.Id}"))))).ToList();

    private async Task<(Guid Id, int Number, string Json, CourseContent Content)> CurrentAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var version = await (from c in db.Courses
                             join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                             where c.OrganisationId == null && c.Slug == slug
                             select v).SingleAsync();
        return (version.Id, version.Number, version.Content, JsonSerializer.Deserialize<CourseContent>(version.Content, CourseJson.Options)!);
    }

    private async Task<(int Code, string Output)> RunImportAsync(string folder)
    {
        var command = app.Services.GetServices<ILanternCommand>().OfType<ImportCourseCommand>().Single();
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new StringWriter();
        var code = await command.RunAsync(scope.ServiceProvider, [folder], output, CancellationToken.None);
        return (code, output.ToString());
    }

    private async Task ImportAsync(SampleCourse course, Guid? organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportAsync(course.Source(), organisation, null, onlyIfChanged: false, CancellationToken.None);
        Assert.True(outcome.Imported, string.Join(Environment.NewLine, outcome.Problems));
    }

    private static string WriteFolder(SampleCourse course)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-course-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var (path, data) in course.Files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, data);
        }

        return folder;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient author, byte[] zip)
    {
        var form = await author.GetPageAsync("/learn/import");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        content.Add(file, "Upload", "course.zip");
        return await author.PostAsync(new Uri("/learn/import", UriKind.Relative), content);
    }

    private async Task<Guid> OtherOrganisationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var other = new Organisation { Name = "Hillside Youth Club " + Guid.NewGuid().ToString("N")[..6], CreatedAt = TimeProvider.System.GetUtcNow() };
        db.Organisations.Add(other);
        await db.SaveChangesAsync();
        return other.Id;
    }

    /// <summary>A learner of another organisation, signed in.</summary>
    private async Task<HttpClient> SignedInElsewhereAsync()
    {
        var other = await OtherOrganisationAsync();
        var email = $"learner-{Guid.NewGuid():N}@hillside.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
            var person = new LanternUser
            {
                OrganisationId = other,
                DisplayName = "Hillside Learner",
                Email = email,
                UserName = email,
                EmailConfirmed = true,
                CreatedAt = TimeProvider.System.GetUtcNow(),
                ActivatedAt = TimeProvider.System.GetUtcNow(),
            };
            Assert.True((await users.CreateAsync(person, "hillside learner password 1")).Succeeded);
            await users.AddToRoleAsync(person, Roles.Learner);
        }

        var client = app.NewClient();
        await DemoPeople.SignInAsync(client, email, "hillside learner password 1");
        return client;
    }

    public sealed class OnSqlite(SqliteApp app) : CourseImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CourseImportTests(app), IClassFixture<PostgresApp>;
}
