using System.Text.Json;
using Lantern.Learning.Statements;

namespace Lantern.Tests.Learning;

public sealed class XapiStatementTests
{
    [Fact]
    public void A_statement_has_the_parts_xapi_1_0_3_requires_and_the_actor_is_an_account_not_a_person()
    {
        var id = Guid.CreateVersion7();
        var user = Guid.CreateVersion7();
        var json = XapiStatement.Build(id, "https://lantern.example/", user, XapiVerb.Passed, "/learn/cse/course-book/check", "14 Check", "http://adlnet.gov/expapi/activities/assessment",
            "/learn/cse", "Child sexual exploitation", new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(1)), new XapiResult(Success: true, Score: 80));

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(id.ToString(), root.GetProperty("id").GetString());
        Assert.Equal("https://lantern.example", root.GetProperty("actor").GetProperty("account").GetProperty("homePage").GetString());
        Assert.Equal(user.ToString(), root.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("http://adlnet.gov/expapi/verbs/passed", root.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal("passed", root.GetProperty("verb").GetProperty("display").GetProperty("en-GB").GetString());
        Assert.Equal("https://lantern.example/learn/cse/course-book/check", root.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal("Activity", root.GetProperty("object").GetProperty("objectType").GetString());
        Assert.Equal(0.8, root.GetProperty("result").GetProperty("score").GetProperty("scaled").GetDouble());
        Assert.True(root.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal("https://lantern.example/learn/cse", root.GetProperty("context").GetProperty("contextActivities").GetProperty("parent")[0].GetProperty("id").GetString());
        Assert.Equal("2026-11-29T11:00:00.000Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("1.0.3", root.GetProperty("version").GetString());
    }

    [Fact]
    public void A_statement_without_a_result_has_no_result()
    {
        var json = XapiStatement.Build(Guid.CreateVersion7(), "https://x.example", Guid.CreateVersion7(), XapiVerb.Experienced, "/learn/a/b/c", "1 C", "http://id.tincanapi.com/activitytype/chapter", "/learn/a", "A", DateTimeOffset.UnixEpoch);

        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("result", out _));
    }
}
