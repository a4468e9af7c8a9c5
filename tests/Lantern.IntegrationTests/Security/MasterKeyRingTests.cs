using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Security;

/// <summary>Master keys in a file: created on first start when none is configured, rotated by <c>Lantern keys rotate</c>, read again after a restart.</summary>
public sealed class MasterKeyRingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-keys-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void With_nothing_configured_a_key_file_is_made_in_the_data_folder_with_a_warning_and_kept()
    {
        var log = new ListLogger();

        var first = Ring(new EncryptionOptions(), log);

        var file = Path.Combine(_folder, "keys", "master.keys");
        Assert.Equal(file, first.KeyFile);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Contains(log.Warnings, w => w.Contains("Lantern:Encryption:KeyFile", StringComparison.Ordinal));
        var sealedText = new EnvelopeCipher(first).SealText("kept", "c");

        var restarted = Ring(new EncryptionOptions(), new ListLogger());
        Assert.Equal(first.Current.Id, restarted.Current.Id);
        Assert.Equal("kept", new EnvelopeCipher(restarted).OpenText(sealedText, "c"));
    }

    [Fact]
    public async Task Rotating_adds_a_current_key_and_values_sealed_before_and_after_both_open_after_a_restart()
    {
        var file = Path.Combine(_folder, "production.keys");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(file, "# keys\n" + new MasterKey("original", Enumerable.Repeat((byte)3, 32).ToArray()).ToLine() + "\n");
        var settings = new EncryptionOptions { KeyFile = file };
        var ring = Ring(settings, new ListLogger());
        var cipher = new EnvelopeCipher(ring);
        var before = cipher.SealText("before", "concern:1:what-happened");

        var (code, output) = await RotateAsync(ring);
        var after = cipher.SealText("after", "concern:1:what-happened");

        Assert.Equal(0, code);
        Assert.Equal("original", before.KeyId);
        Assert.NotEqual(before.KeyId, after.KeyId);
        Assert.Contains(after.KeyId, output, StringComparison.Ordinal);
        Assert.Equal("before", cipher.OpenText(before, "concern:1:what-happened"));
        Assert.Equal("after", cipher.OpenText(after, "concern:1:what-happened"));

        var restarted = new EnvelopeCipher(Ring(settings, new ListLogger()));
        Assert.Equal("before", restarted.OpenText(before, "concern:1:what-happened"));
        Assert.Equal("after", restarted.OpenText(after, "concern:1:what-happened"));
        Assert.Equal(after.KeyId, restarted.SealText("x", "c").KeyId);
    }

    [Fact]
    public async Task Rotating_keys_given_by_the_environment_prints_the_new_setting_and_writes_no_file()
    {
        var keys = new MasterKey("env-1", Enumerable.Repeat((byte)5, 32).ToArray()).ToLine();
        var ring = Ring(new EncryptionOptions { Keys = keys }, new ListLogger());

        var (code, output) = await RotateAsync(ring);

        Assert.Equal(0, code);
        Assert.Contains(keys + ";" + ring.Current.ToLine(), output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void A_configured_key_file_that_is_missing_stops_the_start_with_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Ring(new EncryptionOptions { KeyFile = Path.Combine(_folder, "missing.keys") }, new ListLogger()));

        Assert.Contains("keys rotate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private MasterKeyRing Ring(EncryptionOptions options, ListLogger log) => new(
        Options.Create(options),
        Options.Create(new LanternOptions { DataFolder = _folder }),
        TimeProvider.System,
        log);

    private static async Task<(int Code, string Output)> RotateAsync(MasterKeyRing ring)
    {
        await using var services = new ServiceCollection().AddSingleton(ring).BuildServiceProvider();
        await using var output = new StringWriter();
        var code = await new RotateKeysCommand().RunAsync(services, [], output, CancellationToken.None);
        return (code, output.ToString());
    }

    private sealed class ListLogger : ILogger<MasterKeyRing>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
