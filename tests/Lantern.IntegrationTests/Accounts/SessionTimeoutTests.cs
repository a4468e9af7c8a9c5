using System.Net;
using System.Text.Json;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>
/// Idle and absolute timeouts are enforced on the server, against the app's clock, which these tests
/// move forward: 15 minutes idle for roles that can read safeguarding records, 60 for everyone else,
/// 12 hours at most.
/// </summary>
public abstract class SessionTimeoutTests(ClockedApp app)
{
    [Fact]
    public async Task A_case_role_is_signed_out_after_15_idle_minutes_but_not_before()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.Dsl));

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, await StatusOfHomeAsync(client));

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task A_learner_may_be_idle_for_up_to_an_hour_and_each_page_restarts_the_wait()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.Learner));

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await StatusOfHomeAsync(client));
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await StatusOfHomeAsync(client));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task No_session_lasts_longer_than_12_hours_however_active()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.CourseAuthor));

        for (var elapsed = TimeSpan.Zero; elapsed + TimeSpan.FromMinutes(45) < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(45))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(45));
            Assert.True(await StatusOfHomeAsync(client) == HttpStatusCode.OK, $"signed out after {elapsed + TimeSpan.FromMinutes(45)}");
        }

        app.Clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task Stay_signed_in_from_the_warning_restarts_the_idle_time()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.DeputyDsl));
        var page = await client.GetPageAsync("/");
        var dialog = page.QuerySelector("dialog#session-timeout")!;
        Assert.Equal("900", dialog.GetAttribute("data-seconds-left"));
        var token = page.QuerySelector("#session-antiforgery")!.GetAttribute("value")!;

        app.Clock.Advance(TimeSpan.FromMinutes(13));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var extended = await client.PostAsync(new Uri("/session/extend", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        using var json = JsonDocument.Parse(await extended.Content.ReadAsStringAsync());
        Assert.Equal(900, json.RootElement.GetProperty("secondsLeft").GetInt32());
        app.Clock.Advance(TimeSpan.FromMinutes(13));
        Assert.Equal(HttpStatusCode.OK, await StatusOfHomeAsync(client));
    }

    [Fact]
    public async Task Stay_signed_in_without_the_anti_forgery_token_is_refused()
    {
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.Learner));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]);

        using var response = await client.PostAsync(new Uri("/session/extend", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpStatusCode> StatusOfHomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        return response.StatusCode;
    }

    public sealed class OnSqlite(ClockedSqliteApp app) : SessionTimeoutTests(app), IClassFixture<ClockedSqliteApp>;

    public sealed class OnPostgres(ClockedPostgresApp app) : SessionTimeoutTests(app), IClassFixture<ClockedPostgresApp>;
}

/// <summary>The app with a clock the test moves by hand, starting now.</summary>
public abstract class ClockedApp(DatabaseProvider provider) : LanternApp(provider)
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ClockedSqliteApp() : ClockedApp(DatabaseProvider.Sqlite);

public sealed class ClockedPostgresApp() : ClockedApp(DatabaseProvider.Postgres);
