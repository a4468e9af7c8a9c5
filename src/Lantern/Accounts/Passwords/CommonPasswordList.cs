using System.Collections.Frozen;

namespace Lantern.Accounts.Passwords;

/// <summary>The list of common passwords shipped beside the app (see common-passwords.NOTICE.md).</summary>
public sealed class CommonPasswordList
{
    public CommonPasswordList(string path)
    {
        Passwords = File.ReadLines(path)
            .Select(line => line.Trim().ToLowerInvariant())
            .Where(line => line.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public FrozenSet<string> Passwords { get; }

    public static CommonPasswordList FromAppFolder() =>
        new(Path.Combine(AppContext.BaseDirectory, "Accounts", "Passwords", "common-passwords.txt"));
}
