using Lantern.IntegrationTests.Infrastructure;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Security;

/// <summary>The app seals with the configured master key, and the Data Protection keys it keeps in the database are sealed too.</summary>
public abstract class EncryptionAtRestTests(LanternApp app)
{
    [Fact]
    public async Task Data_protection_keys_in_the_database_are_sealed_with_the_master_key()
    {
        // Showing a form makes an antiforgery token, which needs a Data Protection key.
        using var client = app.NewClient();
        await client.GetPageAsync("/sign-in");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lantern.Data.LanternDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("lanternSealed", k.Xml, StringComparison.Ordinal);
            Assert.Contains("keyId=\"test-1\"", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal);
        });

        // And they open again: a token protected now is read back through keys loaded from the database.
        var manager = scope.ServiceProvider.GetRequiredService<IKeyManager>();
        Assert.All(manager.GetAllKeys(), k => Assert.NotNull(k.CreateEncryptor()));
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));
    }

    [Fact]
    public async Task A_sealed_value_names_the_configured_master_key()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var cipher = scope.ServiceProvider.GetRequiredService<IRecordCipher>();

        var sealedText = cipher.SealText("what the child said", "concern:1:what-happened");

        Assert.Equal("test-1", sealedText.KeyId);
        Assert.Equal("what the child said", cipher.OpenText(sealedText, "concern:1:what-happened"));
    }

    public sealed class OnSqlite(SqliteApp app) : EncryptionAtRestTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EncryptionAtRestTests(app), IClassFixture<PostgresApp>;
}
