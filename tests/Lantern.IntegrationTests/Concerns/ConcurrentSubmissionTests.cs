using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// Submissions at the same moment: different drafts (the year's first, when the reference counter row does
/// not exist yet) each become one concern with its own reference; the same draft sent many times at once
/// becomes exactly one. Nobody is told "not saved" for a concern that was saved.
/// </summary>
public abstract class ConcurrentSubmissionTests(LanternApp app)
{
    [Fact]
    public async Task Different_drafts_sent_at_once_each_get_their_own_reference_and_one_draft_sent_at_once_makes_one_concern()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var dsl = await app.SignedInAsAsync(Roles.DeputyDsl);
        var journeys = new List<ConcernJourney>();
        for (var i = 0; i < 6; i++)
        {
            var journey = new ConcernJourney(i % 2 == 0 ? learner : dsl);
            await journey.ReadyToSendAsync("Concurrent Child " + i);
            journeys.Add(journey);
        }

        // Six different drafts at once, the first concerns of the year in this organisation.
        var different = await Task.WhenAll(journeys.Select(j => j.SubmitAsync()));
        Assert.All(different, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var keys = journeys.Select(j => j.DraftId).ToList();
        var references = await ConcernData.WithDbAsync(app, db => db.Concerns.Where(c => keys.Contains(c.IdempotencyKey)).Select(c => c.Reference).ToListAsync());
        Assert.Equal(6, references.Count);
        Assert.Equal(6, references.Distinct().Count());

        // One draft sent eight times at once: one concern, and every answer points at it.
        var same = new ConcernJourney(learner);
        await same.ReadyToSendAsync("Double Submit Child");
        var check = await learner.GetPageAsync(same.StepPath("check"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => learner.SubmitAsync(check, "main form[action*='handler=Submit']", [])));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(answers.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == same.DraftId)));
        foreach (var r in different.Concat(answers))
        {
            r.Dispose();
        }
    }

    public sealed class OnSqlite(SqliteApp app) : ConcurrentSubmissionTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConcurrentSubmissionTests(app), IClassFixture<PostgresApp>;
}
