using System.Net;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>Sign-in attempts from one address are limited per minute, on top of the per-account lockout.</summary>
public abstract class RateLimitTests(LanternApp app)
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_from_one_address_gets_a_page_asking_to_wait()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.SubmitAsync(page, "main form", [new("Input.Email", $"someone{i}@example.org"), new("Input.Password", "not-a-password")]);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await client.SubmitAsync(page, "main form", [new("Input.Email", "someone@example.org"), new("Input.Password", "not-a-password")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many attempts", (await Html.ParseAsync(refused)).Text("h1"));
    }

    public sealed class OnSqlite(LimitedSqliteApp app) : RateLimitTests(app), IClassFixture<LimitedSqliteApp>;

    public sealed class OnPostgres(LimitedPostgresApp app) : RateLimitTests(app), IClassFixture<LimitedPostgresApp>;
}

public sealed class LimitedSqliteApp() : LanternApp(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "3" };
}

public sealed class LimitedPostgresApp() : LanternApp(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "3" };
}
