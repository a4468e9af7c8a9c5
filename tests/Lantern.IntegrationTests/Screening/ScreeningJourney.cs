using System.Net;
using AngleSharp.Dom;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Screening;

/// <summary>Screens a child over HTTP as a DSL does: the form, the outcome, the judgement, each posted as the page gives it.</summary>
public sealed class ScreeningJourney(HttpClient client, Guid childId, Guid? concernId = null)
{
    public string FormPath => $"/children/{childId}/screenings/new" + (concernId is { } c ? $"?concern={c}" : "");

    public static KeyValuePair<string, string> Answer(string indicator, string answer) => new($"Answers[{indicator}]", answer);

    public static KeyValuePair<string, string> Evidence(string indicator, string text) => new($"Evidence[{indicator}]", text);

    /// <summary>Posts the answers; returns the response (the outcome page, or the form with its errors).</summary>
    public async Task<HttpResponseMessage> ScoreAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetPageAsync(FormPath);
        return await client.SubmitAsync(form, "main form", fields);
    }

    public async Task<IDocument> OutcomeAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await ScoreAsync(fields);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await ConcernJourney.ErrorsAsync(response));
        var page = await Html.ParseAsync(response);
        Assert.True(page.ErrorSummary().Count == 0, string.Join(" | ", page.ErrorSummary()));
        Assert.NotNull(page.QuerySelector("#computed-band"));
        return page;
    }

    /// <summary>The whole screening, agreeing with the band unless told otherwise; returns the new screening's id.</summary>
    public async Task<Guid> ScreenAsync(IEnumerable<KeyValuePair<string, string>> answers, IEnumerable<KeyValuePair<string, string>>? judgement = null)
    {
        var outcome = await OutcomeAsync(answers);
        using var saved = await client.SubmitAsync(outcome, "main form", judgement ?? [new("Judgement", "agree")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ConcernJourney.ErrorsAsync(saved));
        return Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>A new concern about a new child (born in <paramref name="birthYear"/>), recorded by the learner; returns the concern and the child.</summary>
    public static async Task<(Guid Concern, Guid Child)> ChildAsync(LanternApp app, HttpClient learner, string name, string birthYear = "2014", string? indicators = null)
    {
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync(name, year: birthYear);
        await journey.ContinueFromChildrenAsync();
        var what = ConcernJourney.WhatHappened().Select(f => f.Key == "Input.Indicators" && indicators is not null ? new(f.Key, indicators) : f).ToList();
        using (var posted = await journey.PostWhatHappenedAsync(what))
        {
            Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await ConcernJourney.ErrorsAsync(posted));
        }

        using var sent = await journey.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var concern = Guid.Parse(sent.Headers.Location!.OriginalString.Split('/')[2]);
        var child = await ConcernData.WithDbAsync(app, db => db.ConcernChildren.Where(cc => cc.ConcernId == concern).Select(cc => cc.ChildId).SingleAsync());
        return (concern, child);
    }
}
