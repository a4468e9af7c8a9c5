using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Accounts;
using Lantern.IntegrationTests.Infrastructure;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>A screened child's next screening falls due as the clock moves, and then shows in the safeguarding leads' inbox.</summary>
public abstract class RescreenTests(ClockedApp app)
{
    [Fact]
    public async Task A_rescreen_falls_due_after_three_months_and_shows_in_the_inbox()
    {
        var learner = app.NewClient();
        await DemoPeople.SignInAsync(learner, DemoPeople.EmailFor(Roles.Learner));
        var (_, child) = await ChildAsync(app, learner, "Rosa Rescreen", birthYear: "2011");
        using var dsl = app.NewClient();
        await DemoPeople.SignInAsync(dsl, DemoPeople.EmailFor(Roles.Dsl));
        var outcome = await new ScreeningJourney(dsl, child).OutcomeAsync([Answer("alcohol-drugs", "SeenWithinSixMonths"), Evidence("alcohol-drugs", "Smelled of alcohol at pick-up, 14 November (Sam).")]);
        var next = outcome.QuerySelector("input[name='NextYear']")!.GetAttribute("value") + "-" + outcome.QuerySelector("input[name='NextMonth']")!.GetAttribute("value");
        var expected = app.Clock.GetUtcNow().UtcDateTime.AddMonths(3);
        Assert.Equal($"{expected.Year}-{expected.Month}", next);
        using (var saved = await dsl.SubmitAsync(outcome, "main form", [new("Judgement", "agree")]))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Null((await dsl.GetPageAsync("/concerns")).QuerySelector("#rescreens"));

        app.Clock.Advance(TimeSpan.FromDays(95));
        // Signing in again: the clock has moved past the DSL's session; the deputy sees the same inbox.
        using var soon = app.NewClient();
        await DemoPeople.SignInAsync(soon, DemoPeople.EmailFor(Roles.DeputyDsl));
        var row = (await soon.GetPageAsync("/concerns")).QuerySelectorAll("#rescreens + p + table tbody tr").Single(r => r.TextContent.Contains("Rosa Rescreen", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Due", row, StringComparison.Ordinal);
        Assert.Contains("No apparent risk", row, StringComparison.Ordinal);
        Assert.Contains("Rescreen due", (await soon.GetPageAsync($"/children/{child}/screenings")).Text("#next-screening"), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(ClockedSqliteApp app) : RescreenTests(app), IClassFixture<ClockedSqliteApp>;

    public sealed class OnPostgres(ClockedPostgresApp app) : RescreenTests(app), IClassFixture<ClockedPostgresApp>;
}
