using System.Text;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// With an external learning record store configured, the statements of a learner who reads a course
/// reach it in batches by the background worker: the store refuses the first request (503), the worker
/// waits and tries again, and every statement arrives once, well formed, with the xAPI version header and
/// Basic authorisation; none is sent again once accepted.
/// </summary>
public abstract class XapiForwardingTests(RecordStoreApp app)
{
    [Fact]
    public async Task Statements_reach_the_record_store_once_each_after_it_refused_the_first_batch()
    {
        var learner = await LearningData.NewLearnerAsync(app, "Cass Forwarded");
        using (var client = await LearningData.SignInAsync(app, learner.Email))
        {
            var (_, course) = await LearningData.CourseAsync(app, "sample-course");
            using (await LearningData.CompleteAsync(client, course))
            {
            }
        }

        var stored = await LearningData.WithDbAsync(app, db => db.LearningStatements.AsNoTracking().Where(s => s.UserId == learner.Id).ToListAsync());
        Assert.True(stored.Count > RecordStoreApp.BatchSize, "more statements than one batch holds");
        for (var i = 0; i < 300 && await LearningData.WithDbAsync(app, db => db.LearningStatements.AnyAsync(s => s.ForwardedAt == null)); i++)
        {
            await Task.Delay(100);
        }

        var all = await LearningData.WithDbAsync(app, db => db.LearningStatements.AsNoTracking().ToListAsync());
        Assert.All(all, s => Assert.NotNull(s.ForwardedAt));
        Assert.Contains(all, s => s.ForwardAttempts >= 1);

        var requests = app.Store.Requests;
        Assert.Equal(503, requests.First().Status);
        Assert.All(requests, r =>
        {
            Assert.Equal("1.0.3", r.Version);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("lantern-key:secret pass")), r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
            Assert.InRange(r.Statements.Count, 0, RecordStoreApp.BatchSize);
        });

        var accepted = app.Store.Accepted.ToList();
        var ids = accepted.Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(all.Select(s => s.Id).Order(), ids.Order());
        foreach (var statement in accepted.Where(s => stored.Any(x => x.Id == s.GetProperty("id").GetGuid())))
        {
            var account = statement.GetProperty("actor").GetProperty("account");
            Assert.Equal(learner.Id.ToString(), account.GetProperty("name").GetString());
            Assert.Equal("https://localhost", account.GetProperty("homePage").GetString());
            Assert.StartsWith("http://adlnet.gov/expapi/verbs/", statement.GetProperty("verb").GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("https://localhost/learn/sample-course", statement.GetProperty("object").GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(statement.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Equal("1.0.3", statement.GetProperty("version").GetString());
            Assert.DoesNotContain(learner.Email, statement.GetRawText(), StringComparison.Ordinal);
        }

        // Runs after success send nothing again.
        var before = app.Store.Requests.Count;
        Assert.Equal(0, await app.Services.GetRequiredService<XapiForwarder>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(before, app.Store.Requests.Count);
    }

    [Fact]
    public void The_wait_after_a_failure_doubles_up_to_the_cap()
    {
        var options = new XapiOptions { RetrySeconds = 30, RetryMaxMinutes = 4 };
        Assert.Equal(TimeSpan.FromSeconds(30), XapiForwarder.Backoff(1, options));
        Assert.Equal(TimeSpan.FromSeconds(60), XapiForwarder.Backoff(2, options));
        Assert.Equal(TimeSpan.FromSeconds(120), XapiForwarder.Backoff(3, options));
        Assert.Equal(TimeSpan.FromMinutes(4), XapiForwarder.Backoff(10, options));
    }

    public sealed class OnSqlite(RecordStoreSqliteApp app) : XapiForwardingTests(app), IClassFixture<RecordStoreSqliteApp>;

    public sealed class OnPostgres(RecordStorePostgresApp app) : XapiForwardingTests(app), IClassFixture<RecordStorePostgresApp>;
}

/// <summary>The app with a real record store on loopback configured, forwarding every second in small batches, retrying after a second.</summary>
public abstract class RecordStoreApp(DatabaseProvider provider) : LanternApp(provider)
{
    public const int BatchSize = 5;

    public TestRecordStore Store { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lantern:Xapi:Endpoint"] = Store.Endpoint + "/",
        ["Lantern:Xapi:Username"] = "lantern-key",
        ["Lantern:Xapi:Password"] = "secret pass",
        ["Lantern:Xapi:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lantern:Xapi:PollSeconds"] = "1",
        ["Lantern:Xapi:RetrySeconds"] = "1",
        ["Lantern:Xapi:RetryMaxMinutes"] = "1",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RecordStoreSqliteApp() : RecordStoreApp(DatabaseProvider.Sqlite);

public sealed class RecordStorePostgresApp() : RecordStoreApp(DatabaseProvider.Postgres);
