using System.Collections.Concurrent;
using Lantern.Accounts.Users;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// An app of its own for first sign-ins of the roles that need two-step verification: each test takes
/// a demo person who has not set up an authenticator app yet, whatever the other tests have done.
/// </summary>
public sealed class FirstSignInApp : LanternProcess
{
    private readonly ConcurrentQueue<string> _newcomers = new(Roles.All.Where(r => r.RequiresMfa).Select(r => r.Name));

    /// <summary>The role of a demo person who has not signed in yet; each is handed out once.</summary>
    public string TakeNewcomer() =>
        _newcomers.TryDequeue(out var role)
            ? role
            : throw new InvalidOperationException("Every demo person with a case role has been used; the tests need more newcomers than the demo organisation has.");
}
