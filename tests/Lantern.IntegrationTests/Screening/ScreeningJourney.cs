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

    /// <summary>What was seen for <paramref name="indicator"/>; <see cref="ScoreAsync"/> adds who and when unless they are given.</summary>
    public static KeyValuePair<string, string> Evidence(string indicator, string text) => new($"Evidence[{indicator}].What", text);

    public static KeyValuePair<string, string> EvidenceWho(string indicator, string text) => new($"Evidence[{indicator}].Who", text);

    public static KeyValuePair<string, string> EvidenceWhen(string indicator, string text) => new($"Evidence[{indicator}].When", text);

    /// <summary>Posts the answers; returns the response (the outcome page, or the form with its errors).</summary>
    public async Task<HttpResponseMessage> ScoreAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetPageAsync(FormPath);
        var posted = fields.ToList();
        foreach (var what in posted.Where(f => f.Key.EndsWith("].What", StringComparison.Ordinal)).ToList())
        {
            var stem = what.Key[..^"What".Length];
            if (!posted.Any(f => f.Key == stem + "Who"))
            {
                posted.Add(new(stem + "Who", "Sam, key worker"));
            }

            if (!posted.Any(f => f.Key == stem + "When"))
            {
                posted.Add(new(stem + "When", "Most weekends since January"));
            }
        }

        return await client.SubmitAsync(form, "main form", posted);
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
    public static async Task<(Guid Concern, Guid Child)> ChildAsync(LanternApp app, HttpClient learner, string name, string birthYear = "2014", string? indicators = null, IReadOnlyList<string>? ticked = null)
    {
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(false);
        await journey.AnswerStaffAsync(null);
        await journey.AddNewChildAsync(name, year: birthYear);
        await journey.ContinueFromChildrenAsync();
        var what = ConcernJourney.WhatHappened().Select(f => f.Key == "Input.Indicators" && indicators is not null ? new(f.Key, indicators) : f).ToList();
        what.AddRange((ticked ?? []).Select(id => new KeyValuePair<string, string>("Input.IndicatorIds", id)));
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
