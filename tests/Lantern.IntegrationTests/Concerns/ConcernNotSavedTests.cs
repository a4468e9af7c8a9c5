using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// When the database cannot take the concern (here: another process holds SQLite's write lock past the
/// busy timeout, so the write fails with SQLITE_BUSY), the person sees "Your concern has not been saved"
/// with everything they wrote, never a 5xx error page; nothing is half-saved; sending again works.
/// SQLite only: on PostgreSQL the same fault (a stopped server) is not covered yet.
/// </summary>
public sealed class ConcernNotSavedTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_database_that_cannot_write_shows_not_saved_with_the_text_kept_and_saves_nothing()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.ReadyToSendAsync("Nell Notsaved", whatHappened: ConcernJourney.WhatHappened(text: "Every word of this must survive the failure."));
        var check = await learner.GetPageAsync(journey.StepPath("check"));
        var outboxBefore = await ConcernData.WithDbAsync(app, db => db.OutboxMessages.CountAsync());

        await using (var other = new SqliteConnection(app.ConnectionString))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var refused = await learner.SubmitAsync(check, "main form[action*='handler=Submit']", []);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.StartsWith("Your concern has not been saved", page.ErrorSummary().Single(), StringComparison.Ordinal);
            Assert.Contains("Every word of this must survive the failure.", page.Text("main"), StringComparison.Ordinal);
            Assert.Contains("Nell Notsaved", page.Text("main"), StringComparison.Ordinal);

            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
        Assert.True(await ConcernData.WithDbAsync(app, db => db.ConcernDrafts.AnyAsync(d => d.Id == journey.DraftId)));
        Assert.Equal(outboxBefore, await ConcernData.WithDbAsync(app, db => db.OutboxMessages.CountAsync()));

        // The database is back: the same draft sends once.
        using var sent = await journey.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
    }
}
