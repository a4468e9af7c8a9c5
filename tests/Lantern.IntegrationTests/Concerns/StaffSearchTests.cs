using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>Finding the member of staff a concern is about: by name or e-mail, only in the person's own organisation, never themselves; bad searches get a message, not an error.</summary>
public abstract class StaffSearchTests(LanternApp app)
{
    [Fact]
    public async Task A_search_finds_colleagues_by_name_or_email_and_the_chosen_person_is_kept()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        var dsl = await ConcernData.PersonIdAsync(app, Roles.Dsl);
        var dslName = await ConcernData.WithDbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Id == dsl).Select(u => u.DisplayName)));

        var byName = await learner.GetPageAsync(journey.StepPath("staff") + "?q=" + Uri.EscapeDataString(dslName[..4].ToUpperInvariant()));
        Assert.Contains(byName.QuerySelectorAll("input[name='Input.SubjectPersonId']"), i => i.GetAttribute("value") == dsl.ToString());
        Assert.NotNull(byName.QuerySelector("input[name='Input.AboutStaff'][value='yes'][checked]"));
        var byEmail = await learner.GetPageAsync(journey.StepPath("staff") + "?q=" + Uri.EscapeDataString(DemoPeople.EmailFor(Roles.Dsl)));
        Assert.Single(byEmail.QuerySelectorAll("input[name='Input.SubjectPersonId']"));

        await journey.AnswerStaffAsync(dsl);
        var again = await learner.GetPageAsync(journey.StepPath("staff"));
        Assert.NotNull(again.QuerySelector($"input[name='Input.SubjectPersonId'][value='{dsl}'][checked]"));
    }

    [Fact]
    public async Task Another_organisations_people_and_the_person_recording_are_never_found()
    {
        await ConcernData.OtherOrganisationConcernAsync(app);
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);

        var other = await learner.GetPageAsync(journey.StepPath("staff") + "?q=Hillside");
        Assert.Empty(other.QuerySelectorAll("input[name='Input.SubjectPersonId']"));
        Assert.Contains("Nobody in your organisation matches that name", other.ErrorSummary().Single(), StringComparison.Ordinal);
        var self = await learner.GetPageAsync(journey.StepPath("staff") + "?q=" + Uri.EscapeDataString(DemoPeople.EmailFor(Roles.Learner)));
        Assert.Empty(self.QuerySelectorAll("input[name='Input.SubjectPersonId']"));

        // Posting another organisation's person straight to the step is refused too.
        var stranger = await ConcernData.WithDbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users.Where(u => u.DisplayName == "Hillside DSL").Select(u => u.Id)));
        var page = await learner.GetPageAsync(journey.StepPath("staff"));
        using var refused = await learner.SubmitAsync(page, "main form[method='post']", [new("Input.AboutStaff", "yes"), new("Input.SubjectPersonId", stranger.ToString())]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Choose the member of staff or volunteer the concern is about", (await Html.ParseAsync(refused)).ErrorSummary().Single());
    }

    [Theory]
    [InlineData("a", "Enter at least 2 letters of the person's name")]
    [InlineData("<script>alert(1)</script>", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address")]
    [InlineData("' OR '1'='1", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address")]
    [InlineData("%%", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address")]
    [InlineData("__", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address")]
    [InlineData("Zoë 她", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address")]
    public async Task Odd_searches_get_a_message_and_keep_what_was_typed(string q, string message)
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        using var response = await learner.GetAsync(new Uri(journey.StepPath("staff") + "?q=" + Uri.EscapeDataString(q), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, page.ErrorSummary().Single());
        Assert.Equal(q, page.QuerySelector("#Search")!.GetAttribute("value"));
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_search_gets_a_message_not_an_error()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        using var response = await learner.GetAsync(new Uri(journey.StepPath("staff") + "?q=" + new string('x', 10_000), UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public sealed class OnSqlite(SqliteApp app) : StaffSearchTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : StaffSearchTests(app), IClassFixture<PostgresApp>;
}
