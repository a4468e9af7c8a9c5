using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>Bad input to a screening: a clear message, the answers kept, nothing stored, never a 5xx; another organisation's child or concern is not found.</summary>
public abstract class ScreeningBadInputTests(LanternApp app)
{
    public static TheoryData<string, string, string, string> RefusedAnswers => new()
    {
        { "made-up-indicator", "Present", "", "The indicator 'made-up-indicator' is not in version 1 of the catalogue. Start the screening again to use the current list." },
        { "older-partner", "Present", "Seen with him.", "\"present\" is not an answer for \"Is in a relationship with someone much older, or with someone who has power over them.\" (a significant risk indicator)." },
        { "disclosure", "SeenWithinSixMonths", "She told me.", "\"seen within the last 6 months\" is not an answer for \"Has told someone they have been sexually abused or exploited.\" (an indicator of harm)." },
        { "older-partner", "Sometimes", "", "Choose an answer for \"Is in a relationship with someone much older, or with someone who has power over them.\"" },
        { "older-partner", "SeenWithinSixMonths", "", "Say what was seen, for \"Is in a relationship with someone much older, or with someone who has power over them.\"" },
        { "older-partner", "SeenWithinSixMonths", new string('x', 1024 * 1024), "What was seen, for \"Is in a relationship with someone much older, or with someone who has power over them.\", must be 5,000 characters or fewer" },
    };

    public static TheoryData<string> KeptAsText => new()
    {
        "<script>alert('x')</script>",
        "'; DROP TABLE \"ChildScreenings\"; --",
        "Zoë said «non» 😢 — 她说不",
    };

    [Theory]
    [MemberData(nameof(RefusedAnswers))]
    public async Task A_bad_answer_is_refused_with_a_clear_message_and_nothing_is_stored(string indicator, string answer, string evidence, string message)
    {
        var (dsl, child) = await ChildForDslAsync();

        using var response = await new ScreeningJourney(dsl, child).ScoreAsync([Answer(indicator, answer), Evidence(indicator, evidence), Answer("learning-disability", "Present"), Evidence("learning-disability", "EHCP.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Null(page.QuerySelector("#computed-band"));
        Assert.NotNull(page.QuerySelector("input[name='Answers[learning-disability]'][value='Present'][checked]"));
        Assert.Equal("EHCP.", page.QuerySelector("textarea[name='Evidence[learning-disability].What']")!.TextContent);
        Assert.False(await ConcernData.WithDbAsync(app, db => db.ChildScreenings.AnyAsync(s => s.ChildId == child)));
    }

    [Theory]
    [MemberData(nameof(KeptAsText))]
    public async Task Evidence_and_reasons_with_markup_or_sql_or_any_script_are_kept_as_text(string text)
    {
        var (dsl, child) = await ChildForDslAsync();
        var id = await new ScreeningJourney(dsl, child).ScreenAsync(
            [Answer("hidden-phone", "SeenWithinSixMonths"), Evidence("hidden-phone", text)],
            [new("Judgement", "override"), new("FinalBand", "Mild"), new("OverrideReason", text)]);

        var page = await dsl.GetPageAsync($"/screenings/{id}");

        Assert.Contains(text, page.Text("#signs"), StringComparison.Ordinal);
        Assert.Contains(text, page.Text("#judgement"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_bad_judgement_or_next_date_is_refused_and_nothing_is_stored()
    {
        var (dsl, child) = await ChildForDslAsync();
        var outcome = await new ScreeningJourney(dsl, child).OutcomeAsync([Answer("hidden-phone", "SeenWithinSixMonths"), Evidence("hidden-phone", "Found by staff, 3 November.")]);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime;
        var cases = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([new("Judgement", "maybe")], "Say whether you agree with the band"),
            ([new("Judgement", "override"), new("FinalBand", "Catastrophic"), new("OverrideReason", "Because.")], "Choose the band you judge right"),
            ([new("Judgement", "override"), new("FinalBand", "Moderate"), new("OverrideReason", new string('r', 20_001))], "Your reason must be 20,000 characters or fewer"),
            ([new("Judgement", "agree"), new("NextDay", "31"), new("NextMonth", "2"), new("NextYear", "2027")], "Enter the date of the next screening as a real date, for example 27 3 2027"),
            ([new("Judgement", "agree"), new("NextDay", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("NextMonth", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("NextYear", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))], "The next screening must be after today"),
            ([new("Judgement", "agree"), new("NextYear", (today.Year + 3).ToString(System.Globalization.CultureInfo.InvariantCulture))], "The next screening must be within a year"),
        };
        foreach (var (fields, message) in cases)
        {
            using var response = await dsl.SubmitAsync(outcome, "main form", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await Html.ParseAsync(response)).ErrorSummary());
        }

        Assert.False(await ConcernData.WithDbAsync(app, db => db.ChildScreenings.AnyAsync(s => s.ChildId == child)));
    }

    [Fact]
    public async Task Another_organisations_child_or_concern_is_not_found_and_nothing_is_stored()
    {
        var (dsl, child) = await ChildForDslAsync();
        var (otherChild, otherConcern) = await ConcernData.OtherOrganisationConcernAsync(app);
        var screenings = await ConcernData.WithDbAsync(app, db => db.ChildScreenings.CountAsync());
        var token = (await dsl.GetPageAsync($"/children/{child}/screenings/new")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var posted = new KeyValuePair<string, string>[] { new("__RequestVerificationToken", token), new("Version", "1"), new("Key", Guid.NewGuid().ToString()), Answer("hidden-phone", "NotSeen"), new("Judgement", "agree"), new("NextDay", "1"), new("NextMonth", "1"), new("NextYear", "2027") };

        foreach (var path in new[] { $"/children/{otherChild}/screenings/new", $"/children/{child}/screenings/new?concern={otherConcern}", $"/children/{otherChild}/screenings", $"/children/{Guid.CreateVersion7()}/screenings/new" })
        {
            using var get = await dsl.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var content = new FormUrlEncodedContent(posted);
            using var post = await dsl.PostAsync(new Uri(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Save", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(screenings, await ConcernData.WithDbAsync(app, db => db.ChildScreenings.CountAsync()));
        Assert.Contains(await ConcernData.AuditAsync(app, "access.denied"), e => e.RecordList.Contains("child:" + otherChild));
    }

    private async Task<(HttpClient Dsl, Guid Child)> ChildForDslAsync()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var (_, child) = await ChildAsync(app, learner, "Quinn Bad Input " + Guid.NewGuid().ToString("N")[..4], birthYear: "2010");
        return (await app.SignedInAsAsync(Roles.Dsl), child);
    }

    public sealed class OnSqlite(SqliteApp app) : ScreeningBadInputTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreeningBadInputTests(app), IClassFixture<PostgresApp>;
}
