using System.Net;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Site;

public abstract class HealthTests(LanternApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_sign_in(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
}
