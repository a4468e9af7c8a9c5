using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Screening.Scoring;
using Microsoft.EntityFrameworkCore;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>
/// A DSL screens a child from a concern: the band and why, harm shown apart and above it, a judgement
/// that overrides only with a reason, the outcome on the chronology, every read and write audited.
/// </summary>
public abstract class ScreeningTests(LanternApp app)
{
    [Fact]
    public async Task Screening_from_a_concern_shows_the_band_the_reasons_and_harm_apart_then_an_override_needs_a_reason_and_goes_onto_the_chronology()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (concern, child) = await ChildAsync(app, learner, "Mia Screened", birthYear: "2014");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var journey = new ScreeningJourney(dsl, child, concern);

        var outcome = await journey.OutcomeAsync(
        [
            Answer("disclosure", "Present"), Evidence("disclosure", "Told Sam at swimming on 20 November that a man makes her do things."),
            Answer("missing-often", "SeenWithinSixMonths"), Evidence("missing-often", "Missing overnight 3 times in October (police log)."),
        ]);

        // 5 points is no apparent risk on points alone; the child is 12, so a recent significant indicator makes it moderate.
        Assert.NotNull(outcome.QuerySelector("#harm-indicated"));
        Assert.Equal("Moderate risk", outcome.Text("#computed-band"));
        var reasons = outcome.QuerySelectorAll("#reasons li").Select(li => li.TextContent).ToList();
        Assert.StartsWith("Harm indicated", reasons[0], StringComparison.Ordinal);
        Assert.Contains(reasons, r => r.Contains("Total 5 points: no apparent risk", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("Raised from no apparent risk to moderate", StringComparison.Ordinal));
        Assert.Contains("Refer to children's social care today", outcome.Text("#next-step"), StringComparison.Ordinal);
        var harmPosition = outcome.Body!.InnerHtml.IndexOf("harm-indicated", StringComparison.Ordinal);
        Assert.True(harmPosition >= 0 && harmPosition < outcome.Body.InnerHtml.IndexOf("computed-band", StringComparison.Ordinal), "harm is shown above the band");

        using (var noJudgement = await dsl.SubmitAsync(outcome, "main form", []))
        {
            Assert.Equal(HttpStatusCode.OK, noJudgement.StatusCode);
            Assert.Contains("Say whether you agree with the band", (await Html.ParseAsync(noJudgement)).ErrorSummary());
        }

        using (var noReason = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "override"), new("FinalBand", "Significant"), new("OverrideReason", "  ")]))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            var page = await Html.ParseAsync(noReason);
            Assert.Contains("Give your reason for changing the band", page.ErrorSummary());
            Assert.NotNull(page.QuerySelector("input[name='FinalBand'][value='Significant'][checked]"));
        }

        using (var sameBand = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "override"), new("FinalBand", "Moderate"), new("OverrideReason", "No change really.")]))
        {
            Assert.Contains("Choose a band other than moderate risk, or agree with the scheme", (await Html.ParseAsync(sameBand)).ErrorSummary());
        }

        Assert.False(await ConcernData.WithDbAsync(app, db => db.ChildScreenings.AnyAsync(s => s.ChildId == child)));

        using var saved = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "override"), new("FinalBand", "Significant"), new("OverrideReason", "An older man is grooming her: the police have intelligence.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[2]);
        var view = await dsl.GetPageAsync($"/screenings/{id}");
        Assert.Contains("Screening saved", view.Text("main"), StringComparison.Ordinal);
        Assert.Equal("Significant risk", view.Text("#final-band"));
        Assert.StartsWith("Moderate risk (5 points)", view.Text("#computed-band"), StringComparison.Ordinal);
        Assert.Contains("An older man is grooming her", view.Text("#judgement"), StringComparison.Ordinal);
        Assert.NotNull(view.QuerySelector("#harm-indicated"));
        Assert.Contains("Missing overnight 3 times", view.Text("#signs"), StringComparison.Ordinal);

        var stored = await ConcernData.WithDbAsync(app, db => db.ChildScreenings.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((RiskBand.Moderate, RiskBand.Significant, true, 5, 1, concern), (stored.ComputedBand, stored.FinalBand, stored.HarmIndicated, stored.Total, stored.CatalogueVersion, stored.ConcernId!.Value));
        Assert.True(stored.OverrideReasonSealed!.AsSpan().IndexOf("grooming"u8) < 0, "the reason is stored sealed");

        var chronology = await dsl.GetPageAsync($"/children/{child}/chronology");
        var line = chronology.QuerySelectorAll("#chronology tbody tr").Single(r => r.TextContent.Contains("CSE screening", StringComparison.Ordinal)).TextContent;
        Assert.Contains("CSE screening: significant risk, harm indicated", line, StringComparison.Ordinal);
        Assert.Contains("The scheme gave moderate risk (5 points", line, StringComparison.Ordinal);
        Assert.Contains("by professional judgement: An older man is grooming her", line, StringComparison.Ordinal);

        Assert.Contains(await ConcernData.AuditAsync(app, "screening.create"), e => e.RecordList.Contains("screening:" + id) && e.RecordList.Contains("child:" + child) && e.RecordList.Contains("concern:" + concern));
        Assert.Contains(await ConcernData.AuditAsync(app, "screening.read"), e => e.RecordList.Contains("screening:" + id));
        Assert.Contains(await ConcernData.AuditAsync(app, "screening.start"), e => e.RecordList.Contains("child:" + child) && e.RecordList.Contains("concern:" + concern));
        Assert.Contains(await ConcernData.AuditAsync(app, "chronology.read"), e => e.RecordList.Contains("screening:" + id));
    }

    [Fact]
    public async Task Signs_named_in_the_concern_are_carried_into_the_screening()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (concern, child) = await ChildAsync(app, learner, "Noor Carried", indicators: "Has a second phone, or accounts and apps they keep hidden.\nSeemed tired");
        var deputy = await app.SignedInAsAsync(Roles.DeputyDsl);

        var form = await deputy.GetPageAsync(new ScreeningJourney(deputy, child, concern).FormPath);

        Assert.NotNull(form.QuerySelector("input[name='Answers[hidden-phone]'][value='SeenWithinSixMonths'][checked]"));
        Assert.Contains("Noted in concern C-", form.QuerySelector("textarea[name='Evidence[hidden-phone].What']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("input[name='Answers[secretive]'][value='NotSeen'][checked]"));
        Assert.Contains("Seemed tired", form.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_childs_screenings_show_as_a_trend_chart_with_a_table_and_a_summary_and_a_resubmitted_form_saves_once()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (_, child) = await ChildAsync(app, learner, "Ola Trend", birthYear: "2009");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var journey = new ScreeningJourney(dsl, child);
        await journey.ScreenAsync([Answer("learning-disability", "Present"), Evidence("learning-disability", "EHCP, 2022.")]);
        var outcome = await journey.OutcomeAsync(
        [
            Answer("learning-disability", "Present"), Evidence("learning-disability", "EHCP, 2022."),
            Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen with a 24-year-old by staff, 2 November."),
        ]);
        Assert.Equal("Mild risk", outcome.Text("#computed-band"));
        using (var first = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "agree")]))
        using (var again = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "agree")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal(first.Headers.Location, again.Headers.Location);
        }

        var page = await dsl.GetPageAsync($"/children/{child}/screenings");

        Assert.Equal(2, await ConcernData.WithDbAsync(app, db => db.ChildScreenings.CountAsync(s => s.ChildId == child)));
        var svg = page.QuerySelector("figure svg[role='img']")!;
        Assert.Contains("line chart of 2 screenings", svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, svg.QuerySelectorAll("circle").Length);
        var rows = page.QuerySelectorAll("#screenings tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["1", "No apparent risk", "No apparent risk", "No", "1"], rows[0]);
        Assert.Equal(["6", "Mild risk", "Mild risk", "No", "1"], rows[1]);
        Assert.Contains("The latest scored 6 points (mild risk)", page.Text("#trend-summary"), StringComparison.Ordinal);
        Assert.Contains("up from 1", page.Text("#trend-summary"), StringComparison.Ordinal);
        Assert.Contains(await ConcernData.AuditAsync(app, "screening.list"), e => e.RecordList.Contains("child:" + child) && e.RecordList.Count(r => r.StartsWith("screening:", StringComparison.Ordinal)) == 2);
    }

    public sealed class OnSqlite(SqliteApp app) : ScreeningTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreeningTests(app), IClassFixture<PostgresApp>;
}
