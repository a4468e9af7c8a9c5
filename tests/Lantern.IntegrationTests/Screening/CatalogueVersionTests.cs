using System.Net;
using AngleSharp.Dom;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>
/// An organisation admin edits the catalogue and scheme as a new version; screenings already made read
/// exactly as they did; new screenings use the new version; a scheme with problems is refused and
/// nothing is stored.
/// </summary>
public abstract class CatalogueVersionTests(LanternApp app)
{
    [Fact]
    public async Task Publishing_a_new_version_changes_new_screenings_and_leaves_old_ones_reading_as_they_did()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (_, child) = await ChildAsync(app, learner, "Pip Versioned", birthYear: "2009");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var old = await new ScreeningJourney(dsl, child).ScreenAsync(
        [
            Answer("learning-disability", "Present"), Evidence("learning-disability", "EHCP."),
            Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen with an adult, 2 November."),
        ]);
        var before = await dsl.GetPageAsync($"/screenings/{old}");
        var used = await ConcernData.WithDbAsync(app, db => db.ChildScreenings.Where(s => s.Id == old).Select(s => s.CatalogueVersion).SingleAsync());
        Assert.StartsWith("Mild risk (6 points)", before.Text("#computed-band"), StringComparison.Ordinal);

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/screening/edit");
        var next = used + 1;
        Assert.Equal(used.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("input[name='BasedOn']")!.GetAttribute("value"));
        var learningDisability = IndexOf(form, "learning-disability");
        var secretive = IndexOf(form, "secretive");
        using (var published = await admin.SubmitAsync(form, "main form",
        [
            new("Bands[Mild]", "8"), new("Bands[Moderate]", "12"), new("Bands[Significant]", "18"),
            new("Points[Vulnerability.Present]", "2"),
            new($"Indicators[{secretive}].Retired", "true"),
            new($"Indicators[{learningDisability}].Text", "Has a learning disability, or learning difficulties."),
            new("New.Text", "Is seen at a known 'trap house'."), new("New.Domain", "relationships"), new("New.Kind", "SignificantRisk"),
            new("Note", "Bands raised after the partnership's review"),
            .. Textareas(form),
        ]))
        {
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await ConcernJourney.ErrorsAsync(published));
        }

        var catalogue = await admin.GetPageAsync("/admin/screening");
        Assert.Contains($"Version {next} published", catalogue.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Bands raised after the partnership's review", catalogue.Text("#versions"), StringComparison.Ordinal);
        Assert.Contains("Mild risk: 8 to 11 points", catalogue.Text("#bands"), StringComparison.Ordinal);
        Assert.Contains(await ConcernData.AuditAsync(app, "screening-catalogue.publish"), e => e.Detail == $"version {next}");

        // The old screening reads exactly as it did, version 1's bands and wording included.
        var after = await dsl.GetPageAsync($"/screenings/{old}");
        Assert.Equal(before.Text("#computed-band"), after.Text("#computed-band"));
        Assert.Equal(before.Text("#reasons"), after.Text("#reasons"));
        Assert.Equal(before.Text("#signs"), after.Text("#signs"));
        Assert.Contains($"Version {used}", after.Text("main"), StringComparison.Ordinal);

        // A new screening uses the new version: the retired sign is gone, the new one is there, and the same answers score differently.
        var newForm = await dsl.GetPageAsync($"/children/{child}/screenings/new");
        Assert.Contains($"Catalogue version {next}", newForm.Text("main"), StringComparison.Ordinal);
        Assert.Null(newForm.QuerySelector("input[name='Answers[secretive]']"));
        Assert.Contains("Is seen at a known 'trap house'.", newForm.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Has a learning disability, or learning difficulties.", newForm.Text("main"), StringComparison.Ordinal);
        var outcome = await new ScreeningJourney(dsl, child).OutcomeAsync(
        [
            Answer("learning-disability", "Present"), Evidence("learning-disability", "EHCP."),
            Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen with an adult, 2 November."),
        ]);
        Assert.Equal("No apparent risk", outcome.Text("#computed-band"));
        Assert.Contains("Total 7 points: no apparent risk (0 to 7 points)", outcome.Text("#reasons"), StringComparison.Ordinal);

        using var retired = await new ScreeningJourney(dsl, child).ScoreAsync([Answer("secretive", "SeenWithinSixMonths"), Evidence("secretive", "Will not say where she goes.")]);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Contains((await Html.ParseAsync(retired)).ErrorSummary(), e => e.Contains("has been retired and cannot be answered", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> RefusedSchemes => new()
    {
        { "Bands[Moderate]", "6", "The bands mild and moderate both start at 6 points: each band must start above the one before." },
        { "Bands[NoApparentRisk]", "2", "The lowest band, no apparent risk, must start at 0 points, or some totals would have no band." },
        { "Bands[Mild]", "20", "The band mild starts at 20 points, above significant at 16: bands must rise in order." },
        { "Points[SignificantRisk.SeenWithinSixMonths]", "-5", "Points cannot be negative (significant risk indicator, seen within the last 6 months: -5)." },
        { "Points[ModerateRisk.SeenWithinSixMonths]", "one", "Enter the points for a moderate risk indicator seen within the last 6 months as a whole number" },
        { "Points[ModerateRisk.SeenWithinSixMonths]", "1; DROP TABLE \"CatalogueVersions\"; --", "Enter the points for a moderate risk indicator seen within the last 6 months as a whole number" },
        { "RescreenMonths", "0", "The time until the next screening must be between 1 and 12 months." },
        { "Indicators[0].Text", "", "Enter the wording of indicator 1" },
        { "Indicators[0].Kind", "Opinion", "Choose the kind of indicator 1" },
        { "Indicators[0].Id", "not-an-indicator", "The indicator 'not-an-indicator' is not in version {0}. Open the catalogue again." },
        { "New.Text", new string('x', 301), "The wording of the new indicator must be 300 characters or fewer" },
        { "Note", new string('n', 501), "What changed must be 500 characters or fewer" },
        { "BasedOn", "999", "This form was made from a version that does not exist. Open the catalogue again." },
        { "Domains[0].Name", "", "Enter the name of domain 1" },
        { "Domains[0].Name", new string('d', 1024 * 1024), "The name of domain 1 must be 100 characters or fewer" },
        { "Domains[1].Name", " going MISSING ", "Another domain is already called \"going MISSING\". Give each domain its own name" },
        { "Domains[1].Summary", new string('s', 301), "The summary of domain 2 must be 300 characters or fewer" },
        { "Domains[2].Retired", "true", "The domain \"Contact online\" still has indicators in use. Retire them, or move them to another domain, before retiring it." },
        { "Domains[0].Id", "not-a-domain", "The domain 'not-a-domain' is not in version {0}. Open the catalogue again." },
        { "Domains[0].Id", "<script>alert(1)</script>", "The domain '<script>alert(1)</script>' is not in version {0}. Open the catalogue again." },
        { "NewDomain.Name", "Going missing", "Another domain is already called \"Going missing\". Give each domain its own name" },
        { "NewDomain.Summary", "Money owed to older people.", "Enter the name of the new domain" },
        { "New.Domain", "+new", "Enter the name of the new domain, or choose another domain for the new indicator" },
    };

    [Theory]
    [MemberData(nameof(RefusedSchemes))]
    public async Task A_scheme_with_a_problem_is_refused_with_a_clear_message_the_input_kept_and_nothing_stored(string field, string value, string message)
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/screening/edit");
        var versions = await ConcernData.WithDbAsync(app, db => db.CatalogueVersions.CountAsync());

        KeyValuePair<string, string>[] extra = field == "New.Domain" ? [new("New.Text", "Owes money to an older man."), new("New.Kind", "SignificantRisk")] : [];
        using var response = await admin.SubmitAsync(form, "main form", [new(field, value), .. extra, .. Textareas(form).Where(f => f.Key != field && extra.All(e => e.Key != f.Key))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, form.QuerySelector("input[name='BasedOn']")!.GetAttribute("value")), page.ErrorSummary());
        Assert.Equal(versions, await ConcernData.WithDbAsync(app, db => db.CatalogueVersions.CountAsync()));
        if (field.StartsWith("Bands", StringComparison.Ordinal) || field.StartsWith("Points", StringComparison.Ordinal) || field == "RescreenMonths" || (field.EndsWith(".Name", StringComparison.Ordinal) && value.Length < 1000))
        {
            Assert.Equal(value, page.QuerySelector($"input[name='{field}']")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_domain_is_added_and_another_renamed_in_a_new_version_and_old_screenings_read_as_they_did()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (_, child) = await ChildAsync(app, learner, "Lou Domains", birthYear: "2009");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var old = await new ScreeningJourney(dsl, child).ScreenAsync([Answer("older-friends", "SeenWithinSixMonths"), Evidence("older-friends", "Seen with older teenagers at the park.")]);
        var before = await dsl.GetPageAsync($"/screenings/{old}");

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/screening/edit");
        var relationships = DomainIndexOf(form, "relationships");
        KeyValuePair<string, string>[] fields =
        [
            new($"Domains[{relationships}].Name", "People around the child"),
            new("NewDomain.Name", "Money and debt"), new("NewDomain.Summary", "Who pays for what, and what is expected back."),
            new("New.Text", "Is paying off a debt to someone older."), new("New.Domain", "+new"), new("New.Kind", "SignificantRisk"),
        ];
        using (var published = await admin.SubmitAsync(form, "main form", [.. fields, .. Textareas(form).Where(f => fields.All(g => g.Key != f.Key))]))
        {
            Assert.True(published.StatusCode == HttpStatusCode.Redirect, await ConcernJourney.ErrorsAsync(published));
        }

        var catalogue = await admin.GetPageAsync("/admin/screening");
        Assert.Contains("Money and debt", catalogue.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("People around the child", catalogue.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()));

        var newForm = await dsl.GetPageAsync($"/children/{child}/screenings/new");
        Assert.Equal("Money and debt", newForm.Text("#domain-money-and-debt"));
        Assert.Equal("People around the child", newForm.Text("#domain-relationships"));
        Assert.Contains("Is paying off a debt to someone older.", newForm.QuerySelector("section[aria-labelledby='domain-money-and-debt']")!.TextContent, StringComparison.Ordinal);
        var edit = await admin.GetPageAsync("/admin/screening/edit");
        Assert.Equal("People around the child", edit.QuerySelector($"input[name='Domains[{relationships}].Name']")!.GetAttribute("value"));

        var after = await dsl.GetPageAsync($"/screenings/{old}");
        Assert.Equal(before.Text("#signs"), after.Text("#signs"));
        Assert.Equal(before.Text("#reasons"), after.Text("#reasons"));
    }

    [Fact]
    public async Task Wording_with_markup_is_kept_as_text()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var form = await admin.GetPageAsync("/admin/screening/edit");
        using var response = await admin.SubmitAsync(form, "main form",
            [new("New.Text", "<script>alert('x')</script> Zoë 😢"), new("New.Domain", "online"), new("New.Kind", "ModerateRisk"), .. Textareas(form)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await admin.GetPageAsync("/admin/screening");

        Assert.Contains("<script>alert('x')</script> Zoë 😢", page.Text("main"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Only_organisation_admins_edit_the_catalogue()
    {
        foreach (var role in new[] { Roles.Dsl, Roles.DeputyDsl, Roles.Learner })
        {
            var client = await app.SignedInAsAsync(role);
            using var response = await client.GetAsync(new Uri("/admin/screening/edit", UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("403", StringComparison.Ordinal) == true, $"{role}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The form's textareas and selects, as a browser sends them (the form helper sends only inputs).</summary>
    private static List<KeyValuePair<string, string>> Textareas(IDocument form) =>
        form.QuerySelectorAll("main form textarea").Select(t => new KeyValuePair<string, string>(t.GetAttribute("name")!, t.TextContent))
            .Concat(form.QuerySelectorAll("main form select").Select(s => new KeyValuePair<string, string>(s.GetAttribute("name")!, s.QuerySelector("option[selected]")?.GetAttribute("value") ?? s.QuerySelector("option")?.GetAttribute("value") ?? "")))
            .ToList();

    private static int DomainIndexOf(IDocument form, string domainId)
    {
        var name = form.QuerySelectorAll("input[type='hidden'][name^='Domains[']").Single(i => i.GetAttribute("value") == domainId).GetAttribute("name")!;
        return int.Parse(name["Domains[".Length..name.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int IndexOf(IDocument form, string indicatorId)
    {
        var hidden = form.QuerySelectorAll("input[type='hidden'][name^='Indicators['][name$='.Id']").Single(i => i.GetAttribute("value") == indicatorId);
        var name = hidden.GetAttribute("name")!;
        return int.Parse(name["Indicators[".Length..name.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class OnSqlite(SqliteApp app) : CatalogueVersionTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CatalogueVersionTests(app), IClassFixture<PostgresApp>;
}
