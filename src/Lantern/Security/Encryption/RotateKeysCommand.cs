using Lantern.Commands;

namespace Lantern.Security.Encryption;

/// <summary><c>Lantern keys rotate</c>: adds a new master key, which seals from now on; older keys still open what they sealed.</summary>
public sealed class RotateKeysCommand : ILanternCommand
{
    public IReadOnlyList<string> Name { get; } = ["keys", "rotate"];

    public string Usage => "keys rotate              add a new master key for encryption at rest (the old ones still open old values)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var ring = services.GetRequiredService<MasterKeyRing>();
        var key = ring.Rotate();
        if (ring.FromEnvironment)
        {
            await output.WriteLineAsync($"New master key {key.Id}. The keys come from Lantern:Encryption:Keys, which Lantern cannot change:");
            await output.WriteLineAsync("set it to this value (the old keys, then the new one, which is current) and restart every node:");
            await output.WriteLineAsync(string.Join(';', ring.Keys.Select(k => k.ToLine())));
            return 0;
        }

        await output.WriteLineAsync($"New master key {key.Id} added to {ring.KeyFile}; it seals new values from the next start. {ring.Keys.Count} keys in the ring.");
        await output.WriteLineAsync("Copy the key file to every node and to the place its backup is kept.");
        return 0;
    }
}
