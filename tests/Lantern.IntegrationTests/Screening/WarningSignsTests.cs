using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;

namespace Lantern.IntegrationTests.Screening;

public abstract class WarningSignsTests(LanternApp app)
{
    [Fact]
    public async Task Anyone_can_read_every_warning_sign_by_domain_without_signing_in()
    {
        using var client = app.NewClient();

        var page = await client.GetPageAsync("/warning-signs");

        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.All(DefaultCatalogue.Domains, d => Assert.Contains(d.Name, headings));
        var signs = page.QuerySelectorAll("main section li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(DefaultCatalogue.Indicators.Where(i => !i.Retired).Select(i => i.Text).Order(StringComparer.Ordinal), signs.Order(StringComparer.Ordinal));
        Assert.Equal("Signs that harm has happened", headings.First(h => DefaultCatalogue.Domains.Any(d => d.Name == h)));
    }

    [Fact]
    public async Task The_warning_signs_show_no_scoring()
    {
        using var client = app.NewClient();

        var text = (await client.GetPageAsync("/warning-signs")).Text("main");

        Assert.DoesNotContain("point", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("band", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_visitor_is_told_how_to_raise_a_concern_and_a_signed_in_person_is_sent_to_record_one()
    {
        using var visitor = app.NewClient();
        var signedIn = await app.SignedInAsAsync(Roles.Learner);

        var forVisitor = await visitor.GetPageAsync("/warning-signs");
        var forStaff = await signedIn.GetPageAsync("/warning-signs");

        Assert.Contains("call 999 now", forVisitor.Text("main"), StringComparison.Ordinal);
        Assert.Contains("children's social care team of the council", forVisitor.Text("main"), StringComparison.Ordinal);
        Assert.Null(forVisitor.QuerySelector("main a[href='/concerns/new']"));
        Assert.Equal("record a concern", forStaff.QuerySelector("main a[href='/concerns/new']")?.TextContent);
    }

    [Fact]
    public async Task Every_page_links_to_the_warning_signs_in_its_footer()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("footer a[href='/warning-signs']"));
    }

    [Fact]
    public async Task A_signed_in_person_sees_their_organisations_current_catalogue_and_a_visitor_the_shipped_one_and_neither_page_is_kept()
    {
        var version = await CatalogueData.PublishAsync(app, c => c with
        {
            Domains = [.. c.Domains.Select(d => d.Id == "online" ? d with { Name = "Phones and the internet" } : d), new Domain("money-and-debt", "Money and debt", "Who pays for what.")],
            Indicators = [.. c.Indicators, new("v99-1", "money-and-debt", IndicatorKind.SignificantRisk, "Is paying off a debt to someone older.")],
        });
        var signedIn = await app.SignedInAsAsync(Roles.Learner);
        using var visitor = app.NewClient();

        using var forStaff = await signedIn.GetAsync(new Uri("/warning-signs", UriKind.Relative));
        using var forVisitor = await visitor.GetAsync(new Uri("/warning-signs", UriKind.Relative));
        var staffPage = await Html.ParseAsync(forStaff);
        var visitorPage = await Html.ParseAsync(forVisitor);

        Assert.Contains("Is paying off a debt to someone older.", staffPage.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Money and debt", staffPage.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Phones and the internet", staffPage.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Contains($"your organisation's list (version {version})", staffPage.Text("#list-source"), StringComparison.Ordinal);
        Assert.DoesNotContain("Is paying off a debt to someone older.", visitorPage.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Contact online", visitorPage.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("the list Lantern ships with", visitorPage.Text("#list-source"), StringComparison.Ordinal);
        Assert.True(forStaff.Headers.CacheControl?.NoStore, "a person's own list is never kept by a browser or proxy");
        Assert.True(forVisitor.Headers.CacheControl?.NoStore, "the visitors' list is never kept either: the same address shows staff their own");

        // A visitor after staff, and staff after a visitor, each get their own list.
        using var visitorAgain = app.NewClient();
        Assert.DoesNotContain("Money and debt", (await visitorAgain.GetPageAsync("/warning-signs")).Text("main"), StringComparison.Ordinal);
        Assert.Contains("Money and debt", (await signedIn.GetPageAsync("/warning-signs")).Text("main"), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : WarningSignsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : WarningSignsTests(app), IClassFixture<PostgresApp>;
}
