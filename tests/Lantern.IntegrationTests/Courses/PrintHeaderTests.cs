using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Accounts;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Courses;

/// <summary>
/// The print view's header: the installation's name, the course, the book (and chapter), who printed it
/// (the signed-in person, or "Anonymous visitor") and the date and time in the UK by the app's clock.
/// </summary>
public abstract class PrintHeaderTests(ClockedApp app)
{
    [Fact]
    public async Task The_header_names_the_site_course_book_reader_and_the_uk_time_by_the_apps_clock()
    {
        // Hours from the machine's own time, so the header can only be right if it reads the app's clock.
        app.Clock.Advance(TimeSpan.FromHours(5));
        var expected = UkTime(app.Clock.GetUtcNow());

        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync("/learn/cse/course-book/print/statistics");

        Assert.Equal("Lantern", page.Text(".lantern-print__site"));
        Assert.Equal(
            [("Course", "Child sexual exploitation (CSE)"), ("Book", "Child sexual exploitation"), ("Chapter", "3 Statistics"), ("Printed by", "Anonymous visitor"), ("Date and time", expected)],
            page.QuerySelectorAll(".lantern-print__field").Select(f => (f.QuerySelector("dt")!.TextContent, f.QuerySelector("dd")!.TextContent)));

        using var learner = app.NewClient();
        await DemoPeople.SignInAsync(learner, DemoPeople.EmailFor(Roles.Learner));
        var book = await learner.GetPageAsync("/learn/cse/course-book/print");
        var fields = book.QuerySelectorAll(".lantern-print__field").ToDictionary(f => f.QuerySelector("dt")!.TextContent, f => f.QuerySelector("dd")!.TextContent);
        Assert.Equal(DemoPeople.NameFor(Roles.Learner), fields["Printed by"]);
        Assert.False(fields.ContainsKey("Chapter"));
        Assert.Equal("Print: Child sexual exploitation – Lantern", book.Title);
    }

    private static string UkTime(DateTimeOffset instant)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var uk = TimeZoneInfo.ConvertTime(instant, london);
        return uk.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) + (london.IsDaylightSavingTime(uk) ? " BST" : " GMT");
    }

    public sealed class OnSqlite(ClockedSqliteApp app) : PrintHeaderTests(app), IClassFixture<ClockedSqliteApp>;

    public sealed class OnPostgres(ClockedPostgresApp app) : PrintHeaderTests(app), IClassFixture<ClockedPostgresApp>;
}
