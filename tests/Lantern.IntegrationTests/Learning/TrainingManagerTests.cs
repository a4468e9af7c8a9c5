using System.IO.Compression;
using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Assignments;
using Lantern.Learning.Matrix;
using Lantern.Learning.Records;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// The training manager assigns courses, sees the matrix and exports it; records training done
/// elsewhere. Bad input and other organisations' ids are refused and change nothing.
/// </summary>
public abstract class TrainingManagerTests(LanternApp app)
{
    private const string Sample = "sample-course";

    private async Task<Guid> LocationIdAsync(string name) =>
        await LearningData.WithDbAsync(app, db => db.Locations.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    private static async Task<HttpResponseMessage> AssignAsync(HttpClient manager, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await manager.GetPageAsync("/training/assignments");
        return await manager.SubmitAsync(page, "main form[method=post]:not([action])", fields);
    }

    private static KeyValuePair<string, string>[] Due(DateOnly date) =>
    [
        new("Input.DueDay", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.DueMonth", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.DueYear", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task A_course_assigned_to_a_location_reaches_the_people_there_and_shows_in_the_matrix_and_its_export()
    {
        var learner = await LearningData.NewLearnerAsync(app, "=HYPERLINK(\"http://evil.example\",\"Click\")", "Willow Lodge");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, course) = await LearningData.CourseAsync(app, "recording-a-concern");
        var lodge = await LocationIdAsync("Willow Lodge");
        var due = DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(57);

        using var assigned = await AssignAsync(manager, [new("Input.Course", courseId.ToString()), new("Input.Target", "location"), new("Input.Location", lodge.ToString()), .. Due(due)]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var list = await manager.GetPageAsync("/training/assignments");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(course.Title, StringComparison.Ordinal) && r.TextContent.Contains("Everyone at Willow Lodge", StringComparison.Ordinal));
        Assert.NotEmpty(await LearningData.WithDbAsync(app, db => db.AuditEntries.Where(e => e.Action == AssignmentsPageModel.AssignedAction).ToListAsync()));

        using (var client = await LearningData.SignInAsync(app, learner.Email))
        {
            var mine = await client.GetPageAsync("/my-training");
            var row = mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(course.Title, StringComparison.Ordinal));
            Assert.Contains("Not started", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Due by 1 January 2027", row.TextContent, StringComparison.Ordinal);
        }

        var matrix = await manager.GetPageAsync($"/training?location={lodge}&course={courseId}");
        var personRow = matrix.QuerySelectorAll(".lantern-matrix tbody tr").Single(r => r.TextContent.Contains("=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains("Not started", personRow.TextContent, StringComparison.Ordinal);
        var house = await manager.GetPageAsync($"/training?location={await LocationIdAsync("Riverside House")}");
        Assert.DoesNotContain("=HYPERLINK", house.Text("main"), StringComparison.Ordinal);

        using var csv = await manager.GetAsync(new Uri($"/training/export/csv?location={lodge}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n");
        Assert.Equal("\"Training matrix, Riverside Short Breaks\"", lines[0].TrimStart('\uFEFF'));
        Assert.Contains("by " + DemoPeople.NameFor(Roles.TrainingManager), lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",Yes,Willow Lodge,Learner,", StringComparison.Ordinal) && l.Contains("Not started, due 2027-01-01", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.StartsWith("\"=", StringComparison.Ordinal));

        using var xlsx = await manager.GetAsync(new Uri($"/training/export/xlsx?location={lodge}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var sheet = await new StreamReader(zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()).ReadToEndAsync();
        Assert.Contains("HYPERLINK", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.Contains("Not started, due 2027-01-01", sheet, StringComparison.Ordinal);
        Assert.True(await LearningData.WithDbAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == MatrixExportPageModel.ExportedAction)) >= 2);
    }

    public static TheoryData<string, string, string> BadAssignments => new()
    {
        { "", "", "" },
        { "not-a-guid", "everyone", "" },
        { "' OR 1=1 --", "location", "<script>alert(1)</script>" },
        { "COURSE", "person", "01900000-0000-7000-8000-000000000000" },
        { "COURSE", "role", "Superuser" },
        { "COURSE", "everyone; DROP TABLE Assignments", "" },
        { "COURSE", "location", "ÅÄÖ 漢字" },
    };

    [Theory]
    [MemberData(nameof(BadAssignments))]
    public async Task A_bad_assignment_is_refused_with_a_message_and_nothing_is_stored(string course, string target, string chosen)
    {
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, Sample);
        var before = await LearningData.WithDbAsync(app, db => db.Assignments.CountAsync());

        using var response = await AssignAsync(manager,
        [
            new("Input.Course", course.Replace("COURSE", courseId.ToString(), StringComparison.Ordinal)),
            new("Input.Target", target),
            new("Input.Location", chosen),
            new("Input.Person", chosen),
            new("Input.Role", chosen),
            new("Input.DueDay", "31"),
            new("Input.DueMonth", "2"),
            new("Input.DueYear", "<b>2027</b>"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal("<b>2027</b>", page.QuerySelector("#Input-DueYear")!.GetAttribute("value"));
        Assert.Equal(before, await LearningData.WithDbAsync(app, db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task Another_organisations_location_or_person_cannot_be_assigned_and_a_very_large_form_is_refused()
    {
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, _) = await LearningData.CourseAsync(app, Sample);
        var (_, strangerId) = await LearningData.OtherOrganisationCertificateAsync(app, courseId);
        var before = await LearningData.WithDbAsync(app, db => db.Assignments.CountAsync());

        using var response = await AssignAsync(manager, [new("Input.Course", courseId.ToString()), new("Input.Target", "person"), new("Input.Person", strangerId.ToString()), .. Due(DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(60))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a person from the list", (await Html.ParseAsync(response)).ErrorSummary(), StringComparer.Ordinal);

        using var huge = await AssignAsync(manager, [new("Input.Course", new string('x', 1024 * 1024))]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, await LearningData.WithDbAsync(app, db => db.Assignments.CountAsync()));

        using var page = await manager.GetAsync(new Uri($"/training/people/{strangerId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("location=not-a-guid")]
    [InlineData("role=Superuser")]
    [InlineData("course=%27%20OR%201%3D1--")]
    [InlineData("leavers=%3Cscript%3E")]
    [InlineData("page=-1")]
    [InlineData("page=99999999999999")]
    public async Task A_matrix_filter_with_garbage_is_refused_with_a_message(string query)
    {
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        using var response = await manager.GetAsync(new Uri("/training?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single((await Html.ParseAsync(response)).ErrorSummary());
        using var export = await manager.GetAsync(new Uri("/training/export/csv?" + query, UriKind.Relative));
        Assert.True(export.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"export answered {(int)export.StatusCode}");
    }

    [Fact]
    public async Task Another_organisations_location_as_a_filter_is_not_found()
    {
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        using var response = await manager.GetAsync(new Uri($"/training?location={Guid.CreateVersion7()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var export = await manager.GetAsync(new Uri($"/training/export/xlsx?location={Guid.CreateVersion7()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        using var unknownFormat = await manager.GetAsync(new Uri("/training/export/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
    }

    [Theory]
    [InlineData("/training")]
    [InlineData("/training/assignments")]
    [InlineData("/training/settings")]
    [InlineData("/training/export/csv")]
    public async Task Only_a_training_manager_may_open_the_training_pages(string path)
    {
        foreach (var role in new[] { Roles.Learner, Roles.OrganisationAdmin, Roles.Dsl })
        {
            var client = await app.SignedInAsAsync(role);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/error/403", response.Headers.Location!.AbsolutePath);
        }

        using var visitor = app.NewClient();
        using var signedOut = await visitor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.StartsWith("/sign-in", signedOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        using var allowed = await manager.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Training_done_elsewhere_counts_as_the_course_and_appears_in_the_persons_history()
    {
        var dsl = await LearningData.NewLearnerAsync(app, "Morgan Face-to-face");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, course) = await LearningData.CourseAsync(app, "cse");
        using (var assigned = await AssignAsync(manager, [new("Input.Course", courseId.ToString()), new("Input.Target", "person"), new("Input.Person", dsl.Id.ToString()), .. Due(DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(57))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }

        var page = await manager.GetPageAsync($"/training/people/{dsl.Id}");
        using var refused = await manager.SubmitAsync(page, "form#elsewhere-form, main form[method=post]", [new("Input.Course", courseId.ToString()), new("Input.Provider", ""), new("Input.DoneDay", "1"), new("Input.DoneMonth", "1"), new("Input.DoneYear", "2099")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, (await Html.ParseAsync(refused)).ErrorSummary().Count);

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using var recorded = await manager.SubmitAsync(page, "main form[method=post]", [new("Input.Course", courseId.ToString()), new("Input.Provider", "County DSL course"), .. Due(today).Select(f => new KeyValuePair<string, string>(f.Key.Replace("Due", "Done", StringComparison.Ordinal), f.Value)), new("Input.ValidMonths", "24")]);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var history = await manager.GetPageAsync($"/training/people/{dsl.Id}");
        Assert.Contains("Elsewhere: County DSL course", history.Text("main"), StringComparison.Ordinal);
        Assert.Contains("(24 months)", history.Text("main"), StringComparison.Ordinal);
        var completion = Assert.Single(await LearningData.CompletionsAsync(app, dsl.Id));
        Assert.Equal(CompletionSource.Elsewhere, completion.Source);
        Assert.Equal(today.AddMonths(24), completion.ValidUntil);
        var matrix = await manager.GetPageAsync($"/training?course={courseId}");
        Assert.Contains("Complete", matrix.QuerySelectorAll(".lantern-matrix tbody tr").Single(r => r.TextContent.Contains("Morgan Face-to-face", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        _ = course;
    }

    [Fact]
    public async Task People_who_have_left_stay_in_the_history_but_not_in_the_compliance_figures()
    {
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var (courseId, course) = await LearningData.CourseAsync(app, "cse");
        var org = await LearningData.OrganisationIdAsync(app);
        var leaver = await LearningData.NewLearnerAsync(app, "Lou Leaver");
        await LearningData.WithDbAsync(app, async db =>
        {
            db.Assignments.Add(new Assignment { OrganisationId = org, CourseId = courseId, Target = AssignmentTarget.Person, PersonId = leaver.Id, DueOn = new DateOnly(2020, 1, 1), CreatedAt = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync();
            return await db.Users.Where(u => u.Id == leaver.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, TimeProvider.System.GetUtcNow()));
        });

        var without = await manager.GetPageAsync($"/training?course={courseId}");
        Assert.DoesNotContain("Lou Leaver", without.Text("main"), StringComparison.Ordinal);
        var with = await manager.GetPageAsync($"/training?course={courseId}&leavers=yes");
        var row = with.QuerySelectorAll(".lantern-matrix tbody tr").Single(r => r.TextContent.Contains("Lou Leaver", StringComparison.Ordinal));
        Assert.Contains("Left", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(without.QuerySelector("tbody td.govuk-table__cell--numeric")!.TextContent, with.QuerySelector("tbody td.govuk-table__cell--numeric")!.TextContent);
        _ = course;
    }

    public sealed class OnSqlite(SqliteApp app) : TrainingManagerTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TrainingManagerTests(app), IClassFixture<PostgresApp>;
}
