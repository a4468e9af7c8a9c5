using System.Text;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lantern.IntegrationTests.Screening.ScreeningJourney;

namespace Lantern.IntegrationTests.Screening;

/// <summary>
/// Need-to-know over every screening endpoint: each role, signed out, a child in an ordinary concern, a
/// child in a concern about a safeguarding lead (handled by the admin, who does not screen), and another
/// organisation's child. Only the organisation's DSLs and deputies screen; records others ask for are
/// not found; the catalogue pages are for organisation admins.
/// </summary>
public abstract class ScreeningAccessTableTests(LanternApp app)
{
    private const string Allowed = "allowed";
    private const string Denied = "denied";
    private const string SignIn = "sign-in";

    [Fact]
    public async Task Every_screening_endpoint_allows_exactly_the_people_who_need_to_know()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var deputyId = await ConcernData.PersonIdAsync(app, Roles.DeputyDsl);
        var (ordinaryConcern, ordinary) = await ChildAsync(app, learner, "Access Ordinary");
        var aboutDeputy = await new ConcernJourney(learner).RecordAsync("Access About Deputy", subject: deputyId);
        var aboutDeputyChild = await ConcernData.WithDbAsync(app, db => db.ConcernChildren.Where(cc => cc.ConcernId == aboutDeputy).Select(cc => cc.ChildId).SingleAsync());
        var (otherChild, otherConcern) = await ConcernData.OtherOrganisationConcernAsync(app);
        var dsl = await app.SignedInAsAsync(Roles.Dsl);
        var screening = await new ScreeningJourney(dsl, ordinary).ScreenAsync([Answer("isolated", "Present"), Evidence("isolated", "Says she has no friends (keyworker, October).")]);
        var before = await ConcernData.WithDbAsync(app, db => db.ChildScreenings.CountAsync());

        var records = new Dictionary<string, (Guid Child, Guid Concern, Guid? Screening)>
        {
            ["ordinary"] = (ordinary, ordinaryConcern, screening),
            ["about-deputy"] = (aboutDeputyChild, aboutDeputy, null),
            ["other-organisation"] = (otherChild, otherConcern, null),
        };
        var leads = new[] { Roles.Dsl, Roles.DeputyDsl };

        var failures = new StringBuilder();
        foreach (var role in Roles.All.Select(r => (string?)r.Name).Append(null))
        {
            var client = role is null ? app.NewClient() : await app.SignedInAsAsync(role);
            var token = role is null ? "none" : (await client.GetPageAsync("/")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            async Task CheckAsync(string what, HttpMethod method, string path, string expected)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", "1"), new("Judgement", "agree")]);
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var actual = location.Contains("/sign-in", StringComparison.Ordinal) ? SignIn
                    : status is 200 || (status == 302 && !location.Contains("/error/", StringComparison.Ordinal)) ? Allowed
                    : status is 404 or 403 || location.Contains("/error/403", StringComparison.Ordinal) ? Denied
                    : $"unexpected {status} {location}";
                if (status >= 500 || actual != expected)
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{role ?? "signed out"} {method} {what} ({path}): expected {expected}, got {actual} ({status})");
                }
            }

            string Expect(bool allowed) => role is null ? SignIn : allowed ? Allowed : Denied;

            await CheckAsync("catalogue", HttpMethod.Get, "/admin/screening", Expect(role == Roles.OrganisationAdmin));
            await CheckAsync("catalogue edit", HttpMethod.Get, "/admin/screening/edit", Expect(role == Roles.OrganisationAdmin));
            await CheckAsync("catalogue edit sent empty", HttpMethod.Post, "/admin/screening/edit", Expect(role == Roles.OrganisationAdmin));
            await CheckAsync("a screening that does not exist", HttpMethod.Get, $"/screenings/{Guid.CreateVersion7()}", Expect(false));
            foreach (var (name, (child, concern, saved)) in records)
            {
                var screens = role is not null && name == "ordinary" && leads.Contains(role);
                await CheckAsync($"{name} screening form", HttpMethod.Get, $"/children/{child}/screenings/new", Expect(screens));
                await CheckAsync($"{name} screening form from the concern", HttpMethod.Get, $"/children/{child}/screenings/new?concern={concern}", Expect(screens));
                await CheckAsync($"{name} screening scored empty", HttpMethod.Post, $"/children/{child}/screenings/new?handler=Score", Expect(screens));
                await CheckAsync($"{name} screening saved empty", HttpMethod.Post, $"/children/{child}/screenings/new?handler=Save", Expect(screens));
                await CheckAsync($"{name} screenings and trend", HttpMethod.Get, $"/children/{child}/screenings", Expect(screens));
                if (saved is { } id)
                {
                    await CheckAsync($"{name} screening", HttpMethod.Get, $"/screenings/{id}", Expect(screens));
                }
            }

            if (role is null)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.Equal(before, await ConcernData.WithDbAsync(app, db => db.ChildScreenings.CountAsync()));
        Assert.Contains(await ConcernData.AuditAsync(app, "access.denied"), e => e.RecordList.Contains("screening:" + screening));
        Assert.Contains(await ConcernData.AuditAsync(app, "access.denied"), e => e.RecordList.Contains("child:" + otherChild));
    }

    public sealed class OnSqlite(SqliteApp app) : ScreeningAccessTableTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreeningAccessTableTests(app), IClassFixture<PostgresApp>;
}
