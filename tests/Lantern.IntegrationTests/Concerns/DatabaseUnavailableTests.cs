using System.Net;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// The PostgreSQL server unreachable (every connection dropped and refused by a relay in front of it):
/// even the person's session cannot be read, yet a post gets "has not been saved" (503) with what they
/// wrote shown back and a button that sends it again as it was; pages read meanwhile say the service is
/// not available; nothing is half-saved; once the server is back, sending again saves exactly once.
/// </summary>
public sealed class DatabaseUnavailableTests(DatabaseUnavailableTests.PostgresBehindRelay app) : IClassFixture<DatabaseUnavailableTests.PostgresBehindRelay>
{
    [Fact]
    public async Task A_stopped_database_keeps_every_word_and_the_concern_sends_once_when_it_is_back()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.StartAsync();
        await journey.AnswerDangerAsync(danger: false);
        await journey.AnswerStaffAsync(subject: null);
        await journey.AddNewChildAsync("Nia Outage");
        await journey.ContinueFromChildrenAsync();
        var step = await learner.GetPageAsync(journey.StepPath("what-happened"));
        const string words = "She said the man at the bus station gives her vapes. Every word must survive.";

        app.Relay.Cut();
        using (var refused = await learner.SubmitAsync(step, $"main form[method='post'][action='{journey.StepPath("what-happened")}']",
            ConcernJourney.WhatHappened(text: words)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Equal("Your concern has not been saved", page.Text("h1"));
            Assert.Contains(words, page.Text("main"), StringComparison.Ordinal);
            Assert.Contains("999", page.Text("main"), StringComparison.Ordinal);
            Assert.DoesNotContain("Sign out", page.Body!.TextContent, StringComparison.Ordinal);

            using var reading = await learner.GetAsync(new Uri("/concerns/mine", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reading.StatusCode);
            Assert.Equal("Sorry, the service is not available right now", (await Html.ParseAsync(reading)).Text("h1"));

            app.Relay.Restore();
            using var again = await SendAgainAsync(learner, page);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var check = await learner.GetPageAsync(journey.StepPath("check"));
        Assert.Contains(words, check.Text("main"), StringComparison.Ordinal);

        app.Relay.Cut();
        using (var refused = await learner.SubmitAsync(check, "main form[action*='handler=Submit']", []))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Equal("Your concern has not been saved", page.Text("h1"));
            app.Relay.Restore();
            Assert.Equal(0, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));

            using var sent = await SendAgainAsync(learner, page);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.EndsWith("/recorded", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
    }

    [Fact]
    public async Task The_page_is_never_shown_when_asked_for_directly()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/not-saved", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Presses "Send it again" as a person would, again while the service still answers "not saved":
    /// connections the database server dropped are found broken only when next used.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAgainAsync(HttpClient client, AngleSharp.Dom.IDocument page)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SubmitAsync(page, "main form[method='post']", []);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 30)
            {
                return response;
            }

            page = await Html.ParseAsync(response);
            response.Dispose();
        }
    }

    /// <summary>Lantern on PostgreSQL, reaching the server only through a relay the test can cut.</summary>
    public sealed class PostgresBehindRelay() : LanternApp(DatabaseProvider.Postgres)
    {
        private TcpRelay? _relay;

        public TcpRelay Relay => _relay ??= new TcpRelay(new NpgsqlConnectionStringBuilder(ConnectionString).Port);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Lantern:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port }.ConnectionString,
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_relay is not null)
            {
                await _relay.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }
    }
}
