using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>The inbox in pages: urgent first then oldest, every concern on exactly one page, at most 200 rows, odd page numbers answered sensibly.</summary>
public abstract class InboxPagingTests(LanternApp app)
{
    [Fact]
    public async Task Pages_list_every_open_concern_once_urgent_first_then_oldest()
    {
        // Older than anything else the class stores, and the only urgent ones: these are the first rows.
        var start = new DateTimeOffset(2000, 1, 5, 9, 0, 0, TimeSpan.Zero);
        // Two concerns at the same moment: the order between them must still be the same on every page.
        var stored = await ConcernData.AddDemoConcernsAsync(app,
        [
            (false, start.AddHours(3)), (true, start.AddHours(5)), (false, start), (false, start.AddHours(1)),
            (true, start.AddHours(2)), (false, start.AddHours(1)), (false, start.AddHours(4)),
        ]);
        await ConcernData.AddDemoConcernsAsync(app, [(false, start.AddYears(20)), (false, start.AddYears(21))]);
        await ConcernData.OtherOrganisationConcernAsync(app);
        var expected = await ConcernData.WithDbAsync(app, db => db.Concerns.AsNoTracking()
            .Where(c => stored.Contains(c.Id)).ToListAsync());
        var order = expected.OrderByDescending(c => c.Urgent).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(c => c.Reference).ToList();

        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var html = await dsl.GetPageAsync($"/concerns?size=3&page={page}");
            seen.AddRange(html.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()));
            Assert.Equal(page > 1, html.QuerySelector(".govuk-pagination__prev a") is not null);
            Assert.NotNull(html.QuerySelector(".govuk-pagination__next a"));
            Assert.StartsWith($"Showing {(page - 1) * 3 + 1} to {page * 3} of", html.Text("#inbox-count"), StringComparison.Ordinal);
        }

        Assert.Equal(9, seen.Count);
        Assert.Equal(9, seen.Distinct().Count());
        Assert.Equal(order, seen.Take(7));
        Assert.DoesNotContain("C-2026-900001", seen);
    }

    [Theory]
    [InlineData("abc", "1")]
    [InlineData("-1", "1")]
    [InlineData("0", "1")]
    [InlineData("999999999999", "1")]
    [InlineData("1e3", "1")]
    [InlineData("<script>alert(1)</script>", "1")]
    [InlineData("1' OR '1'='1", "1")]
    public async Task A_page_number_that_is_not_a_page_shows_a_real_page_never_an_error(string page, string shown)
    {
        await ConcernData.AddDemoConcernsAsync(app, Enumerable.Range(0, 10).Select(i => (false, new DateTimeOffset(2026, 2, 1, 9, i, 0, TimeSpan.Zero))));
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        using var response = await dsl.GetAsync(new Uri("/concerns?page=" + Uri.EscapeDataString(page), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Html.ParseAsync(response);
        Assert.StartsWith("Showing " + shown + " to", html.Text("#inbox-count"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_lists_more_than_200_concerns_whatever_size_is_asked_for()
    {
        var start = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        await ConcernData.AddDemoConcernsAsync(app, Enumerable.Range(0, 205).Select(i => (false, start.AddMinutes(i))));
        var dsl = await app.SignedInAsAsync(Roles.Dsl);

        var first = await dsl.GetPageAsync("/concerns?size=100000");
        Assert.Equal(InboxModelSizes.Max, first.QuerySelectorAll("main tbody tr").Length);
        var standard = await dsl.GetPageAsync("/concerns");
        Assert.Equal(InboxModelSizes.Default, standard.QuerySelectorAll("main tbody tr").Length);
        var last = await dsl.GetPageAsync("/concerns?size=200&page=99");
        Assert.Contains("aria-current", last.QuerySelector(".govuk-pagination__item--current a")!.OuterHtml, StringComparison.Ordinal);
        Assert.NotEmpty(last.QuerySelectorAll("main tbody tr"));
    }

    private static class InboxModelSizes
    {
        public const int Max = Lantern.Concerns.Triage.InboxModel.MaxPageSize;
        public const int Default = Lantern.Concerns.Triage.InboxModel.DefaultPageSize;
    }

    public sealed class OnSqlite(SqliteApp app) : InboxPagingTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : InboxPagingTests(app), IClassFixture<PostgresApp>;
}
