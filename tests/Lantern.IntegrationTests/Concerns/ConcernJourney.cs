using System.Net;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>Records a concern over HTTP the way a person does: one step after another, each form posted as the page gives it.</summary>
public sealed class ConcernJourney(HttpClient client)
{
    public Guid DraftId { get; private set; }

    public string StepPath(string step) => $"/concerns/new/{DraftId}/{step}";

    public async Task<Guid> StartAsync(Guid? key = null)
    {
        if (key is { } given)
        {
            DraftId = given;
            return given;
        }

        using var start = await client.GetAsync(new Uri("/concerns/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!.OriginalString;
        DraftId = Guid.Parse(location.Split('/')[3]);
        return DraftId;
    }

    public async Task<HttpResponseMessage> PostStepAsync(string step, IEnumerable<KeyValuePair<string, string>> fields, string? formSelector = null)
    {
        var page = await client.GetPageAsync(StepPath(step));
        return await client.SubmitAsync(page, formSelector ?? $"main form[method='post'][action='{StepPath(step)}']", fields);
    }

    public async Task AnswerDangerAsync(bool danger)
    {
        using var response = await PostStepAsync("danger", [new("Input.ImmediateDanger", danger ? "yes" : "no")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
        if (danger)
        {
            Assert.EndsWith("/call-999", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            using var call = await PostStepAsync("call-999", []);
            Assert.Equal(HttpStatusCode.Redirect, call.StatusCode);
        }
    }

    public async Task AnswerStaffAsync(Guid? subject)
    {
        using var response = await PostStepAsync("staff", subject is { } s
            ? [new("Input.AboutStaff", "yes"), new("Input.SubjectPersonId", s.ToString())]
            : [new("Input.AboutStaff", "no")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
    }

    public async Task AddNewChildAsync(string name, string day = "4", string month = "5", string year = "2014")
    {
        using var response = await PostStepAsync("new-child",
        [
            new("NewChild.Name", name), new("NewChild.BirthDay", day), new("NewChild.BirthMonth", month), new("NewChild.BirthYear", year),
            new("NewChild.Sex", "Female"), new("NewChild.SendOrDisability", "Autism; uses a wheelchair"), new("NewChild.CommunicationNeeds", "Uses Makaton"),
            new("NewChild.KnownToSocialCare", "yes"), new("NewChild.SocialWorkerName", "Jo Bloggs"), new("NewChild.ChildProtectionPlan", "no"),
            new("NewChild.LookedAfter", "not-known"), new("NewChild.ParentalResponsibility", "Mother and father"),
        ]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
    }

    public async Task<HttpResponseMessage> AddExistingChildAsync(string childId, string? search = null)
    {
        var page = await client.GetPageAsync(StepPath("children") + (search is null ? "" : "?q=" + Uri.EscapeDataString(search)));
        return await client.SubmitAsync(page, "main form[action*='handler=AddChild']", [new("childId", childId)], StepPath("children") + "?handler=AddChild");
    }

    public async Task ContinueFromChildrenAsync()
    {
        using var response = await PostStepAsync("children", []);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
    }

    public static IReadOnlyList<KeyValuePair<string, string>> WhatHappened(
        string text = "Saw a bruise on her left arm at swimming.", string day = "20", string month = "11", string year = "2026", string childsWords = "Mum's friend did it.") =>
    [
        new("Input.Categories", "PhysicalAbuse"), new("Input.Categories", "Neglect"),
        new("Input.WhatHappened", text), new("Input.ChildsWords", childsWords),
        new("Input.OccurredDay", day), new("Input.OccurredMonth", month), new("Input.OccurredYear", year), new("Input.OccurredTime", "14:30"),
        new("Input.Where", "Riverside pool"), new("Input.WhoWasPresent", "Sam, the lifeguard"), new("Input.RaisedBy", ""), new("Input.Indicators", "Bruising\nFlinches"),
    ];

    public async Task<HttpResponseMessage> PostWhatHappenedAsync(IEnumerable<KeyValuePair<string, string>> fields) => await PostStepAsync("what-happened", fields);

    public async Task<HttpResponseMessage> SubmitAsync()
    {
        var page = await client.GetPageAsync(StepPath("check"));
        return await client.SubmitAsync(page, "main form[action*='handler=Submit']", []);
    }

    /// <summary>The whole journey; returns the new concern's id (from the confirmation address).</summary>
    /// <summary>Every step answered, up to the check page: the draft is ready to send.</summary>
    public async Task ReadyToSendAsync(string childName, bool danger = false, Guid? subject = null, IReadOnlyList<KeyValuePair<string, string>>? whatHappened = null, string? existingChildId = null)
    {
        await StartAsync();
        await AnswerDangerAsync(danger);
        await AnswerStaffAsync(subject);
        if (existingChildId is not null)
        {
            using var added = await AddExistingChildAsync(existingChildId, childName);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        else
        {
            await AddNewChildAsync(childName);
        }

        await ContinueFromChildrenAsync();
        using var what = await PostWhatHappenedAsync(whatHappened ?? WhatHappened());
        Assert.True(what.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(what));
    }

    public async Task<Guid> RecordAsync(string childName, bool danger = false, Guid? subject = null, IReadOnlyList<KeyValuePair<string, string>>? whatHappened = null, string? existingChildId = null)
    {
        await ReadyToSendAsync(childName, danger, subject, whatHappened, existingChildId);
        using var sent = await SubmitAsync();
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(sent));
        var location = sent.Headers.Location!.OriginalString;
        Assert.EndsWith("/recorded", location, StringComparison.Ordinal);
        return Guid.Parse(location.Split('/')[2]);
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500 || text.Length == 0)
        {
            return $"{(int)response.StatusCode}: {text[..Math.Min(2000, text.Length)]}";
        }

        var page = await Html.ParseAsync(response);
        return $"{(int)response.StatusCode}: {string.Join(" | ", page.ErrorSummary())} {page.QuerySelector("h1")?.TextContent}";
    }
}
