using System.Security.Cryptography;
using Lantern.Accounts.Users;
using Lantern.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lantern.Accounts.Sessions;

/// <summary>
/// Keeps authentication tickets in the database; the cookie holds only a random key. Every node
/// shares the sessions, disabling a person deletes theirs at once, and the idle and absolute timeouts
/// are enforced here on the server, not by the browser.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptions<SessionTimeoutOptions> options) : ITicketStore, IDisposable
{
    /// <summary>Last-seen is written at most this often, so reading pages does not mean a write per request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(15);

    // One per store, not static: a compiled query belongs to one model, and each provider has its own.
    private readonly Func<LanternDbContext, string, CancellationToken, Task<UserSession?>> _findSession =
        EF.CompileAsyncQuery((LanternDbContext db, string key, CancellationToken _) => db.UserSessions.AsNoTracking().FirstOrDefault(s => s.Id == key));

    private static readonly MemoryCacheEntryOptions DecryptedEntry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(5) };

    private readonly IDataProtector _protector = protection.CreateProtector("Lantern.Sessions.Ticket");
    private readonly MemoryCache _decrypted = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, httpContext: null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = clock.GetUtcNow();
        var idle = IdleTimeout(ticket);
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.GetUserId(),
            OrganisationId = ticket.Principal.GetOrganisationId(),
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            AbsoluteExpiresAt = now.AddHours(options.Value.AbsoluteTimeoutHours),
            IdleTimeoutSeconds = (int)idle.TotalSeconds,
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        httpContext?.Items[SessionClock.ItemKey] = new SessionClock(session.Id, now + idle, session.AbsoluteExpiresAt);
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, httpContext: null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var bytes = Protect(ticket);
        var idleSeconds = (int)IdleTimeout(ticket).TotalSeconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.IdleTimeoutSeconds, idleSeconds), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, httpContext: null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var session = await _findSession(db, key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var idle = TimeSpan.FromSeconds(session.IdleTimeoutSeconds);
        if (now >= session.AbsoluteExpiresAt || now >= session.LastSeenAt + idle)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        var ticket = Unprotect(key, session.Ticket);
        if (ticket is null)
        {
            return null;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
            session.LastSeenAt = now;
        }

        httpContext?.Items[SessionClock.ItemKey] = new SessionClock(key, session.LastSeenAt + idle, session.AbsoluteExpiresAt);
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, httpContext: null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        _decrypted.Remove(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    /// <summary>
    /// The ticket in the session's row, decrypted. The row is read on every request (so an ended session
    /// ends at once); only the decryption is remembered, for the very bytes it decrypted: a renewed ticket
    /// has other bytes and is decrypted afresh. Each caller gets its own copy.
    /// </summary>
    private AuthenticationTicket? Unprotect(string key, byte[] protectedTicket)
    {
        if (_decrypted.TryGetValue(key, out (byte[] Protected, AuthenticationTicket Ticket) known) && known.Protected.AsSpan().SequenceEqual(protectedTicket))
        {
            return known.Ticket.Clone();
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (ticket is null)
        {
            return null;
        }

        _decrypted.Set(key, (protectedTicket, ticket.Clone()), DecryptedEntry);
        return ticket;
    }

    private TimeSpan IdleTimeout(AuthenticationTicket ticket) =>
        TimeSpan.FromMinutes(Roles.RequireMfa(ticket.Principal.GetRoles())
            ? options.Value.IdleTimeoutMinutes
            : options.Value.LearnerIdleTimeoutMinutes);

    public void Dispose() => _decrypted.Dispose();
}
