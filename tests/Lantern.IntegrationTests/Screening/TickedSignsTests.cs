using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Screenings;
using Lantern.Security.Encryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>
/// Warning signs ticked on the concern form from the organisation's catalogue: stored with the version, shown by
/// their wording, refused when not in that version, and carried into a screening with evidence in three parts.
/// </summary>
public abstract class TickedSignsTests(LanternApp app)
{
    private const string Disclosure = "Has told someone they have been sexually abused or exploited.";
    private const string OlderFriends = "Has new friends who are older, or friends nobody in the family or service knows.";

    [Fact]
    public async Task The_concern_form_lists_the_catalogues_signs_by_domain_harm_first_and_the_ticked_ones_are_stored_with_their_version_and_shown_by_their_wording()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Ruby Ticked");
        await journey.ContinueFromChildrenAsync();

        var form = await learner.GetPageAsync(journey.StepPath("what-happened"));
        var details = form.QuerySelector("main details.govuk-details")!;
        Assert.Equal("Choose from the warning signs", details.QuerySelector("summary")!.TextContent.Trim());
        var legends = details.QuerySelectorAll("fieldset legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal("Signs that harm has happened", legends[0]);
        Assert.Contains("Contact online", legends);
        Assert.NotNull(details.QuerySelector("input[type='checkbox'][name='Input.IndicatorIds'][value='disclosure']"));
        var version = form.QuerySelector("input[name='Input.CatalogueVersion']")!.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(version));
        Assert.NotNull(form.QuerySelector("main a[href='/warning-signs']"));

        using (var posted = await journey.PostWhatHappenedAsync([.. ConcernJourney.WhatHappened(), new("Input.IndicatorIds", "disclosure"), new("Input.IndicatorIds", "older-friends"), new("Input.IndicatorIds", "disclosure")]))
        {
            Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await ConcernJourney.ErrorsAsync(posted));
        }

        var again = await learner.GetPageAsync(journey.StepPath("what-happened"));
        Assert.NotNull(again.QuerySelector("main details[open]"));
        Assert.NotNull(again.QuerySelector("input[name='Input.IndicatorIds'][value='disclosure'][checked]"));
        var check = await learner.GetPageAsync(journey.StepPath("check"));
        Assert.Equal([Disclosure, OlderFriends], check.QuerySelectorAll("#ticked-signs li").Select(li => li.TextContent.Trim()).ToList());
        Assert.Contains("Bruising", check.Text("main"), StringComparison.Ordinal);

        using var sent = await journey.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Guid.Parse(sent.Headers.Location!.OriginalString.Split('/')[2]);
        var stored = await ConcernData.ConcernAsync(app, id);
        Assert.Equal(("disclosure,older-friends", int.Parse(version!, System.Globalization.CultureInfo.InvariantCulture)), (stored.IndicatorIds, stored.IndicatorCatalogueVersion!.Value));
        Assert.Equal("Bruising\nFlinches", stored.Indicators);

        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var view = await dsl.GetPageAsync($"/concerns/{id}");
        Assert.Equal([Disclosure, OlderFriends], view.QuerySelectorAll("#ticked-signs li").Select(li => li.TextContent.Trim()).ToList());
        Assert.Equal("Bruising\nFlinches", view.Text("#other-signs"));
    }

    public static TheoryData<string, string> RefusedIds => new()
    {
        { "made-up-sign", "Choose the signs you noticed from the list of warning signs. Something you sent is not in it." },
        { "<script>alert('x')</script>", "Choose the signs you noticed from the list of warning signs. Something you sent is not in it." },
        { "'; DROP TABLE \"Concerns\"; --", "Choose the signs you noticed from the list of warning signs. Something you sent is not in it." },
        { new string('x', 1024 * 1024), "Choose the signs you noticed from the list of warning signs. Something you sent is not in it." },
        { "hillside-only", "Choose the signs you noticed from the list of warning signs. Something you sent is not in it." },
    };

    [Theory]
    [MemberData(nameof(RefusedIds))]
    public async Task A_sign_that_is_not_in_the_version_is_refused_with_a_clear_message_the_input_kept_and_nothing_stored(string id, string message)
    {
        await OtherOrganisationCatalogueAsync();
        var (learner, journey) = await ReadyForWhatHappenedAsync();

        using var response = await journey.PostWhatHappenedAsync([.. ConcernJourney.WhatHappened(text: "Kept: saw her get into a car."), new("Input.IndicatorIds", "disclosure"), new("Input.IndicatorIds", id)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal("#Input-IndicatorIds", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input-IndicatorIds"));
        Assert.Equal("Kept: saw her get into a car.", page.QuerySelector("textarea[name='Input.WhatHappened']")!.TextContent);
        Assert.NotNull(page.QuerySelector("main details[open]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.IndicatorIds'][value='disclosure'][checked]"));
        var check = await learner.GetPageAsync(journey.StepPath("check"));
        Assert.Equal("None ticked", check.Text("#ticked-signs"));
    }

    [Fact]
    public async Task Signs_from_another_organisations_catalogue_version_are_refused_and_an_empty_tick_is_no_sign()
    {
        var other = await OtherOrganisationCatalogueAsync();
        var (learner, journey) = await ReadyForWhatHappenedAsync();

        using (var response = await journey.PostWhatHappenedAsync([.. ConcernJourney.WhatHappened(), new("Input.CatalogueVersion", other.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.IndicatorIds", "hillside-only")]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The list of warning signs you chose from is not your organisation's. Tick the signs you noticed again.", (await Html.ParseAsync(response)).ErrorSummary());
        }

        using (var empty = await journey.PostWhatHappenedAsync([.. ConcernJourney.WhatHappened(), new("Input.IndicatorIds", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Equal("None ticked", (await learner.GetPageAsync(journey.StepPath("check"))).Text("#ticked-signs"));
    }

    [Fact]
    public async Task Screening_from_a_concern_answers_the_ticked_signs_as_seen_with_evidence_from_the_concern_and_lists_signs_no_longer_in_the_catalogue()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (concern, child) = await ChildAsync(app, learner, "Sana Carried", ticked: ["disclosure", "older-friends", "learning-disability", "attendance-drop"]);
        // The organisation retires one of the ticked signs after the concern was recorded.
        await CatalogueData.PublishAsync(app, c => c with { Indicators = c.Indicators.Select(i => i.Id == "attendance-drop" ? i with { Retired = true } : i).ToList() });
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var learnerName = await ConcernData.WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoPeople.EmailFor(Roles.Learner)).Select(u => u.DisplayName).SingleAsync());

        var form = await dsl.GetPageAsync(new ScreeningJourney(dsl, child, concern).FormPath);

        Assert.NotNull(form.QuerySelector("input[name='Answers[disclosure]'][value='Present'][checked]"));
        Assert.NotNull(form.QuerySelector("input[name='Answers[learning-disability]'][value='Present'][checked]"));
        Assert.NotNull(form.QuerySelector("input[name='Answers[older-friends]'][value='SeenWithinSixMonths'][checked]"));
        Assert.NotNull(form.QuerySelector("input[name='Answers[secretive]'][value='NotSeen'][checked]"));
        Assert.Null(form.QuerySelector("input[name='Answers[attendance-drop]']"));
        Assert.Contains("Noted in concern C-", form.QuerySelector("textarea[name='Evidence[older-friends].What']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(learnerName, form.QuerySelector("input[name='Evidence[older-friends].Who']")!.GetAttribute("value"));
        Assert.Equal("20 November 2026 at 2:30pm", form.QuerySelector("input[name='Evidence[older-friends].When']")!.GetAttribute("value"));
        Assert.Contains("Misses school or college, or their attendance has dropped suddenly.", form.Text("#no-longer-in-catalogue"), StringComparison.Ordinal);
        Assert.Contains("no longer in the catalogue", form.Text("#no-longer-in-catalogue"), StringComparison.Ordinal);
        Assert.Contains(Disclosure, form.Text("#concern-signs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_kept_as_what_who_and_when_shown_apart_from_the_analysis_and_a_screening_saved_before_reads_as_what()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (_, child) = await ChildAsync(app, learner, "Tia Evidence", birthYear: "2010");
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var journey = new ScreeningJourney(dsl, child);

        using (var missing = await journey.ScoreAsync([Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen with a man of about 30."), EvidenceWho("older-partner", " "), EvidenceWhen("older-partner", "")]))
        {
            var page = await Html.ParseAsync(missing);
            Assert.Contains("Say who saw or reported it, for \"Is in a relationship with someone much older, or with someone who has power over them.\"", page.ErrorSummary());
            Assert.Contains("Say when it was seen, for \"Is in a relationship with someone much older, or with someone who has power over them.\"", page.ErrorSummary());
            Assert.Equal("Seen with a man of about 30.", page.QuerySelector("textarea[name='Evidence[older-partner].What']")!.TextContent);
        }

        using (var tooLong = await journey.ScoreAsync([Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen."), EvidenceWho("older-partner", new string('w', 1024 * 1024)), EvidenceWhen("older-partner", "<script>alert(1)</script>")]))
        {
            Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
            Assert.Contains("Who saw or reported it, for \"Is in a relationship with someone much older, or with someone who has power over them.\", must be 300 characters or fewer", (await Html.ParseAsync(tooLong)).ErrorSummary());
        }

        var id = await journey.ScreenAsync(
        [
            Answer("older-partner", "SeenWithinSixMonths"), Evidence("older-partner", "Seen with a man of about 30 outside the club."),
            EvidenceWho("older-partner", "Jo, youth worker"), EvidenceWhen("older-partner", "Most weekends since January"),
            new("Opinion", "I think she is being groomed."),
        ]);
        var view = await dsl.GetPageAsync($"/screenings/{id}");
        Assert.Equal("Seen with a man of about 30 outside the club.", view.Text("#signs .lantern-evidence-what"));
        Assert.Equal("Jo, youth worker", view.Text("#signs .lantern-evidence-who"));
        Assert.Equal("Most weekends since January", view.Text("#signs .lantern-evidence-when"));
        Assert.DoesNotContain("groomed", view.Text("#signs"), StringComparison.Ordinal);
        Assert.Equal("I think she is being groomed.", view.Text("#opinion"));
        var stored = await ConcernData.WithDbAsync(app, db => db.ChildScreenings.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.True(stored.EvidenceSealed.AsSpan().IndexOf("youth worker"u8) < 0, "the evidence is stored sealed");

        // A screening saved when evidence was one string per indicator.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var cipher = scope.ServiceProvider.GetRequiredService<IRecordCipher>();
            var db = scope.ServiceProvider.GetRequiredService<Lantern.Data.LanternDbContext>();
            var old = cipher.SealText("""{"older-partner":"Seen with him, by Jo, in March."}""", ChildScreening.EvidenceContext(id));
            await db.ChildScreenings.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.EvidenceKeyId, old.KeyId).SetProperty(s => s.EvidenceSealed, old.Data));
        }

        var before = await dsl.GetPageAsync($"/screenings/{id}");
        Assert.Equal("Seen with him, by Jo, in March.", before.Text("#signs .lantern-evidence-what"));
        Assert.Equal("Not recorded", before.Text("#signs .lantern-evidence-who"));
    }

    private async Task<(HttpClient Learner, ConcernJourney Journey)> ReadyForWhatHappenedAsync()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Pat Refused " + Guid.NewGuid().ToString("N")[..4]);
        await journey.ContinueFromChildrenAsync();
        return (learner, journey);
    }

    /// <summary>Another organisation with its own catalogue version, far beyond the demo organisation's, holding a sign only it has; returns the version.</summary>
    private async Task<int> OtherOrganisationCatalogueAsync()
    {
        var (_, concern) = await ConcernData.OtherOrganisationConcernAsync(app);
        const int version = 90;
        await ConcernData.WithDbAsync(app, async db =>
        {
            var organisation = await db.Concerns.Where(c => c.Id == concern).Select(c => c.OrganisationId).SingleAsync();
            var content = CatalogueContent.Default with { Indicators = [.. CatalogueContent.Default.Indicators, new("hillside-only", "online", Lantern.Screening.Scoring.IndicatorKind.ModerateRisk, "A sign only Hillside uses.")] };
            db.CatalogueVersions.Add(new CatalogueVersion { OrganisationId = organisation, Version = version, Content = content.ToJson(), PublishedAt = TimeProvider.System.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return version;
    }

    public sealed class OnSqlite(SqliteApp app) : TickedSignsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TickedSignsTests(app), IClassFixture<PostgresApp>;
}
