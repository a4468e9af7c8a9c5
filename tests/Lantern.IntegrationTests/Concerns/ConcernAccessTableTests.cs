using System.Text;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// Need-to-know over every safeguarding endpoint: each role, signed out, own and another organisation's
/// records, a concern about a safeguarding lead and one about another member of staff. Allowed answers
/// 200 (or the step it leads to); denied answers 404 for a record (its existence not revealed), 403 for
/// a page, and a signed-out visitor is sent to sign in.
/// </summary>
public abstract class ConcernAccessTableTests(LanternApp app)
{
    private const string Allowed = "allowed";
    private const string Denied = "denied";
    private const string SignIn = "sign-in";

    [Fact]
    public async Task Every_concern_endpoint_allows_exactly_the_people_who_need_to_know()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var deputyId = await ConcernData.PersonIdAsync(app, Roles.DeputyDsl);
        var managerId = await ConcernData.PersonIdAsync(app, Roles.TrainingManager);
        var records = new Dictionary<string, (Guid Concern, Guid Child)>
        {
            ["ordinary"] = await RecordAsync(learner, "Table Ordinary", null),
            ["about-deputy"] = await RecordAsync(learner, "Table About Deputy", deputyId),
            ["about-manager"] = await RecordAsync(learner, "Table About Manager", managerId),
            ["other-organisation"] = await ConcernData.OtherOrganisationConcernAsync(app),
        };

        // Who handles each record: the leads for ordinary ones, never the subject; the allegations lead (the demo admin) for one about a lead.
        var handlers = new Dictionary<string, string[]>
        {
            ["ordinary"] = [Roles.Dsl, Roles.DeputyDsl],
            ["about-deputy"] = [Roles.OrganisationAdmin],
            ["about-manager"] = [Roles.Dsl, Roles.DeputyDsl],
            ["other-organisation"] = [],
        };
        var authors = new Dictionary<string, string[]>
        {
            ["ordinary"] = [Roles.Learner],
            ["about-deputy"] = [Roles.Learner],
            ["about-manager"] = [Roles.Learner],
            ["other-organisation"] = [],
        };

        var failures = new StringBuilder();
        var viewers = Roles.All.Select(r => (string?)r.Name).Append(null).ToList();
        foreach (var role in viewers)
        {
            var client = role is null ? app.NewClient() : await app.SignedInAsAsync(role);
            var token = role is null ? "none" : (await client.GetPageAsync("/")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            async Task CheckAsync(string what, HttpMethod method, string path, string expected)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var actual = location.StartsWith("/sign-in", StringComparison.Ordinal) || location.Contains("/sign-in?", StringComparison.Ordinal) ? SignIn
                    : status is 200 || (status == 302 && !location.Contains("/error/", StringComparison.Ordinal)) ? Allowed
                    : status is 404 or 403 || location.Contains("/error/403", StringComparison.Ordinal) ? Denied
                    : $"unexpected {status} {location}";
                if (status >= 500 || actual != expected)
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{role ?? "signed out"} {method} {what} ({path}): expected {expected}, got {actual} ({status})");
                }
            }

            string Expect(bool allowed) => role is null ? SignIn : allowed ? Allowed : Denied;

            await CheckAsync("inbox", HttpMethod.Get, "/concerns", Expect(role is Roles.Dsl or Roles.DeputyDsl or Roles.OrganisationAdmin));
            await CheckAsync("your concerns", HttpMethod.Get, "/concerns/mine", Expect(true));
            await CheckAsync("record a concern", HttpMethod.Get, "/concerns/new", Expect(true));
            foreach (var (name, (concern, child)) in records)
            {
                var handles = role is not null && handlers[name].Contains(role);
                await CheckAsync($"{name} concern", HttpMethod.Get, $"/concerns/{concern}", Expect(handles));
                await CheckAsync($"{name} decision form", HttpMethod.Get, $"/concerns/{concern}/decision", Expect(handles));
                await CheckAsync($"{name} decision sent empty", HttpMethod.Post, $"/concerns/{concern}/decision", Expect(handles));
                await CheckAsync($"{name} addendum form", HttpMethod.Get, $"/concerns/{concern}/addendum", Expect(handles));
                await CheckAsync($"{name} addendum sent empty", HttpMethod.Post, $"/concerns/{concern}/addendum", Expect(handles));
                await CheckAsync($"{name} chronology", HttpMethod.Get, $"/children/{child}/chronology", Expect(handles));
                await CheckAsync($"{name} attachment", HttpMethod.Get, $"/concerns/{concern}/attachments/{Guid.CreateVersion7()}", Expect(false));
                await CheckAsync($"{name} confirmation", HttpMethod.Get, $"/concerns/{concern}/recorded", Expect(role is not null && authors[name].Contains(role)));
            }

            if (role is null)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.False(await ConcernData.WithDbAsync(app, db => db.Decisions.AnyAsync()));
        Assert.False(await ConcernData.WithDbAsync(app, db => db.Addenda.AnyAsync()));
        var denied = await ConcernData.AuditAsync(app, "access.denied");
        Assert.Contains(denied, e => e.RecordList.Contains("concern:" + records["other-organisation"].Concern));
    }

    private async Task<(Guid Concern, Guid Child)> RecordAsync(HttpClient learner, string child, Guid? subject)
    {
        var id = await new ConcernJourney(learner).RecordAsync(child, subject: subject);
        return (id, await ConcernData.WithDbAsync(app, db => db.ConcernChildren.Where(cc => cc.ConcernId == id).Select(cc => cc.ChildId).SingleAsync()));
    }

    public sealed class OnSqlite(SqliteApp app) : ConcernAccessTableTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConcernAccessTableTests(app), IClassFixture<PostgresApp>;
}
