using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>Bad input to the concern steps: a clear message, what was typed kept, nothing stored, never a 5xx.</summary>
public abstract class ConcernBadInputTests(LanternApp app)
{
    public static TheoryData<string, string> RefusedWhatHappened => new()
    {
        { "", "Enter what you saw or heard" },
        { new string('x', 1024 * 1024), "What you saw or heard must be 50,000 characters or fewer" },
    };

    public static TheoryData<string> KeptAsText => new()
    {
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE \"Concerns\"; --",
        "Zoë said «non» 😢 — 她说不",
    };

    [Theory]
    [MemberData(nameof(RefusedWhatHappened))]
    public async Task What_happened_empty_or_too_long_gets_a_message_keeps_the_text_and_saves_nothing(string text, string message)
    {
        var journey = await ReadyForWhatHappenedAsync();
        using var response = await journey.PostWhatHappenedAsync(ConcernJourney.WhatHappened(text: text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(text, page.QuerySelector("textarea[name='Input.WhatHappened']")!.TextContent);
        Assert.Equal("Mum's friend did it.", page.QuerySelector("textarea[name='Input.ChildsWords']")!.TextContent);
        var check = await (await ClientAsync()).GetPageAsync(journey.StepPath("check"));
        Assert.Contains(check.QuerySelectorAll(".govuk-summary-list__row"), r => r.TextContent.Contains("What you saw or heard", StringComparison.Ordinal) && r.TextContent.Contains("Not answered", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KeptAsText))]
    public async Task Html_script_sql_and_unicode_are_kept_exactly_and_shown_as_text(string text)
    {
        var journey = await ReadyForWhatHappenedAsync();
        using var response = await journey.PostWhatHappenedAsync(ConcernJourney.WhatHappened(text: text, childsWords: text));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var client = await ClientAsync();
        using var check = await client.GetAsync(new Uri(journey.StepPath("check"), UriKind.Relative));
        var html = await check.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains(text, (await Html.ParseAsync(check)).Text("main"), StringComparison.Ordinal);
        using var sent = await journey.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Guid.Parse(sent.Headers.Location!.OriginalString.Split('/')[2]);
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var page = await dsl.GetPageAsync($"/concerns/{id}");
        Assert.Equal(text, page.Text("#what-happened"));
    }

    [Theory]
    [InlineData("1", "1", "2099", "The date it happened must be today or in the past")]
    [InlineData("31", "2", "2026", "The date it happened must be a real date, like 27 3 2026")]
    [InlineData("3", "4", "2010", "The date it happened must be after the child was born")]
    [InlineData("", "", "", "Enter the date it happened")]
    [InlineData("1", "1", "'; DROP TABLE x; --", "The date it happened must be a real date, like 27 3 2026")]
    public async Task A_date_in_the_future_not_real_or_before_the_child_was_born_is_refused_with_the_input_kept(string day, string month, string year, string message)
    {
        var journey = await ReadyForWhatHappenedAsync();
        using var response = await journey.PostWhatHappenedAsync(ConcernJourney.WhatHappened(day: day, month: month, year: year));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(year, page.QuerySelector("input[name='Input.OccurredYear']")!.GetAttribute("value"));
        Assert.Equal("Saw a bruise on her left arm at swimming.", page.QuerySelector("textarea[name='Input.WhatHappened']")!.TextContent);
    }

    [Theory]
    [InlineData("Neglect,PhysicalAbuse")]
    [InlineData("3")]
    [InlineData("<b>Neglect</b>")]
    public async Task A_category_not_in_the_list_is_refused(string category)
    {
        var journey = await ReadyForWhatHappenedAsync();
        var fields = ConcernJourney.WhatHappened().Where(f => f.Key != "Input.Categories").Append(new("Input.Categories", category));
        using var response = await journey.PostWhatHappenedAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select what the concern is about from the list", (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task Another_organisations_child_cannot_be_added_to_a_concern()
    {
        var (otherChild, _) = await ConcernData.OtherOrganisationConcernAsync(app);
        var client = await ClientAsync();
        var journey = new ConcernJourney(client);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        var page = await client.GetPageAsync(journey.StepPath("children"));
        using var response = await client.SubmitAsync(page, "main form[method='post']", [new("childId", otherChild.ToString())], journey.StepPath("children") + "?handler=AddChild");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Contains("That child was not found. Search again and choose a child from the list.", result.ErrorSummary());
        Assert.DoesNotContain("Hillside Child", result.Text("main"), StringComparison.Ordinal);
        using var search = await client.GetAsync(new Uri(journey.StepPath("children") + "?q=Hillside", UriKind.Relative));
        Assert.DoesNotContain("Hillside Child", (await Html.ParseAsync(search)).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_child_without_a_name_or_with_a_date_of_birth_in_the_future_is_refused_with_the_input_kept()
    {
        var client = await ClientAsync();
        var journey = new ConcernJourney(client);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        using var response = await journey.PostStepAsync("new-child", [new("NewChild.Name", ""), new("NewChild.BirthDay", "1"), new("NewChild.BirthMonth", "1"), new("NewChild.BirthYear", "2099"), new("NewChild.CommunicationNeeds", "Uses BSL")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Enter the child's name", "Date of birth must be today or in the past"], page.ErrorSummary());
        Assert.Equal("Uses BSL", page.QuerySelector("textarea[name='NewChild.CommunicationNeeds']")!.TextContent);
    }

    [Theory]
    [InlineData("bruise.pdf", "png", "The selected file's name does not match what is in it")]
    [InlineData("notes.png", "script", "The selected file must be a JPG, PNG, GIF, WebP or PDF")]
    [InlineData("empty.png", "empty", "Select a file to attach")]
    public async Task An_attachment_of_the_wrong_type_or_with_a_lying_name_is_refused_and_not_stored(string name, string content, string message)
    {
        var journey = await ReadyForWhatHappenedAsync();
        var bytes = content switch
        {
            "png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 },
            "script" => Encoding.UTF8.GetBytes("<script>alert(1)</script>"),
            _ => [],
        };
        using var response = await UploadAsync(journey, name, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Html.ParseAsync(response)).ErrorSummary(), m => m.StartsWith(message, StringComparison.Ordinal));
        Assert.False(await ConcernData.WithDbAsync(app, db => db.ConcernAttachments.AnyAsync(a => a.DraftId == journey.DraftId)));
    }

    [Fact]
    public async Task A_pdf_is_attached_sealed_and_an_oversized_file_gets_a_page_that_says_so()
    {
        var journey = await ReadyForWhatHappenedAsync();
        using (var ok = await UploadAsync(journey, "letter.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nA letter from school")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var stored = await ConcernData.WithDbAsync(app, db => db.ConcernAttachments.AsNoTracking().SingleAsync(a => a.DraftId == journey.DraftId));
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.DoesNotContain("letter from school", Encoding.ASCII.GetString(stored.ContentSealed), StringComparison.Ordinal);

        using var big = await UploadAsync(journey, "huge.pdf", new byte[12 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("What you sent was too large", (await Html.ParseAsync(big)).Text("h1"));
        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.ConcernAttachments.CountAsync(a => a.DraftId == journey.DraftId)));
    }

    private async Task<HttpResponseMessage> UploadAsync(ConcernJourney journey, string name, byte[] bytes)
    {
        var client = await ClientAsync();
        var page = await client.GetPageAsync(journey.StepPath("attachments"));
        var token = page.QuerySelector("form[enctype] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);
        return await client.PostAsync(new Uri(journey.StepPath("attachments"), UriKind.Relative), form);
    }

    private Task<HttpClient> ClientAsync() => app.SignedInAsAsync(Roles.Learner);

    private async Task<ConcernJourney> ReadyForWhatHappenedAsync()
    {
        var journey = new ConcernJourney(await ClientAsync());
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync("Bad Input Child", "1", "6", "2015");
        await journey.ContinueFromChildrenAsync();
        return journey;
    }

    public sealed class OnSqlite(SqliteApp app) : ConcernBadInputTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConcernBadInputTests(app), IClassFixture<PostgresApp>;
}
