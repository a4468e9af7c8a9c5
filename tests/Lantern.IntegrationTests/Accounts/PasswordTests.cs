using System.Buffers.Binary;
using System.Net;
using Lantern.Accounts.Passwords;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Accounts;

public abstract class PasswordTests(LanternApp app)
{
    [Fact]
    public void The_production_setting_hashes_with_at_least_210000_iterations()
    {
        var options = app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.True(options.IterationCount >= 210_000, $"IterationCount is {options.IterationCount}");
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);
    }

    [Fact]
    public async Task Stored_hashes_are_PBKDF2_HMAC_SHA512_at_that_cost()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var hashes = await db.Users.Select(u => u.PasswordHash!).ToListAsync();

        Assert.NotEmpty(hashes);
        foreach (var hash in hashes)
        {
            // Identity v3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length; big-endian.
            var bytes = Convert.FromBase64String(hash);
            Assert.Equal(0x01, bytes[0]);
            Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= PasswordRules.HashIterations);
        }
    }

    [Fact]
    public async Task Nobody_can_sign_in_with_an_empty_or_wrong_password_and_the_right_one_works()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/sign-in");
        using var wrong = await client.SubmitAsync(page, "main form", [new("Input.Email", DemoPeople.EmailFor(Roles.Learner)), new("Input.Password", " ")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        await DemoPeople.SignInAsync(client, DemoPeople.EmailFor(Roles.Learner));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : PasswordTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PasswordTests(app), IClassFixture<PostgresApp>;
}
