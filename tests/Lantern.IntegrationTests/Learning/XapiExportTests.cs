using System.Net;
using System.Text.Json;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Statements;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// An organisation admin downloads the organisation's xAPI statements as JSON, all or between two dates;
/// another organisation's statements are never in it; bad dates are refused with a message and kept;
/// other roles may not.
/// </summary>
public abstract class XapiExportTests(LanternApp app)
{
    private const string Download = "/admin/xapi/statements.json";

    private async Task<(Guid Learner, Guid Stranger)> StatementsAsync()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Dee Exported");
        using (var client = await LearningData.SignInAsync(app, learner.Email))
        {
            var (_, course) = await LearningData.CourseAsync(app, "sample-course");
            var (book, chapter) = LearningData.Chapters(course).First();
            await client.GetPageAsync(LearningData.ChapterPath(course, book, chapter));
        }

        var (courseId, _) = await LearningData.CourseAsync(app, "sample-course");
        var (_, strangerId) = await LearningData.OtherOrganisationCertificateAsync(app, courseId);
        await LearningData.WithDbAsync(app, async db =>
        {
            var org = await db.Users.Where(u => u.Id == strangerId).Select(u => u.OrganisationId).SingleAsync();
            var id = Guid.CreateVersion7();
            var now = TimeProvider.System.GetUtcNow();
            db.LearningStatements.Add(new LearningStatement
            {
                Id = id,
                OrganisationId = org,
                UserId = strangerId,
                Verb = XapiVerb.Experienced,
                Timestamp = now,
                Json = XapiStatement.Build(id, "https://localhost", strangerId, XapiVerb.Experienced, "/learn/x/y/z", "Elsewhere", "http://id.tincanapi.com/activitytype/chapter", "/learn/x", "X", now),
            });
            return await db.SaveChangesAsync();
        });
        return (learner.Id, strangerId);
    }

    private static async Task<List<JsonElement>> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task An_organisation_admin_downloads_only_their_organisations_statements_and_it_is_audited()
    {
        var (learner, stranger) = await StatementsAsync();
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);

        var page = await admin.GetPageAsync("/admin/xapi");
        Assert.Equal("Learning statements (xAPI)", page.Text("h1"));
        Assert.Contains("No store is set up", page.Text("main"), StringComparison.Ordinal);

        using var response = await admin.GetAsync(new Uri(Download, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var statements = await ReadAsync(response);
        var actors = statements.Select(s => s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString()).ToHashSet();
        Assert.Contains(learner.ToString(), actors);
        Assert.DoesNotContain(stranger.ToString(), actors);
        Assert.All(statements, s => Assert.Equal("1.0.3", s.GetProperty("version").GetString()));
        var timestamps = statements.Select(s => DateTimeOffset.Parse(s.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.NotEmpty(await LearningData.WithDbAsync(app, db => db.AuditEntries.Where(e => e.Action == XapiExportModel.ExportedAction).ToListAsync()));
    }

    [Fact]
    public async Task A_date_range_limits_the_download_to_those_days()
    {
        await StatementsAsync();
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        string Range(DateOnly from, DateOnly to) => $"{Download}?FromDay={from.Day}&FromMonth={from.Month}&FromYear={from.Year}&ToDay={to.Day}&ToMonth={to.Month}&ToYear={to.Year}";

        using var around = await admin.GetAsync(new Uri(Range(today.AddDays(-1), today.AddDays(1)), UriKind.Relative));
        Assert.NotEmpty(await ReadAsync(around));
        using var later = await admin.GetAsync(new Uri(Range(today.AddDays(2), today.AddDays(30)), UriKind.Relative));
        Assert.Empty(await ReadAsync(later));
        using var earlier = await admin.GetAsync(new Uri($"{Download}?ToDay=1&ToMonth=1&ToYear=2020", UriKind.Relative));
        Assert.Empty(await ReadAsync(earlier));
    }

    public static TheoryData<string, string> BadRanges => new()
    {
        { "FromDay=31&FromMonth=2&FromYear=2026", "The start date must be a real date, for example 14 6 2026" },
        { "FromDay=%3Cscript%3Ealert(1)%3C/script%3E&FromMonth=1&FromYear=2026", "The start date must be a real date, for example 14 6 2026" },
        { "ToDay=1&ToMonth=1&ToYear=%27%20OR%201%3D1--", "The end date must be a real date, for example 14 6 2026" },
        { "FromDay=2&FromMonth=1&FromYear=2026&ToDay=1&ToMonth=1&ToYear=2026", "The end date must be the same as or after the start date" },
    };

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task A_bad_date_is_refused_with_a_message_and_what_was_typed_is_kept(string query, string message)
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        using var response = await admin.GetAsync(new Uri(Download + "?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([message], page.ErrorSummary());
        var typed = System.Web.HttpUtility.ParseQueryString(query);
        foreach (var key in typed.AllKeys)
        {
            Assert.Equal(typed[key], page.QuerySelector($"input[name='{key}']")!.GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData("/admin/xapi")]
    [InlineData(Download)]
    public async Task Only_an_organisation_admin_may_open_the_statements(string path)
    {
        foreach (var role in new[] { Roles.Learner, Roles.TrainingManager, Roles.Dsl, Roles.CourseAuthor })
        {
            var client = await app.SignedInAsAsync(role);
            using var refused = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
        }

        using var visitor = app.NewClient();
        using var signedOut = await visitor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.StartsWith("/sign-in", signedOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        using var unknown = await admin.GetAsync(new Uri("/admin/xapi/statements.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : XapiExportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : XapiExportTests(app), IClassFixture<PostgresApp>;
}
