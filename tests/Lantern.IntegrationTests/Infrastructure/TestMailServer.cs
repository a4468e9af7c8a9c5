using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>A real SMTP listener on loopback that keeps every message it receives, for tests to read.</summary>
public sealed class TestMailServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>While true the server answers every message with "421 service not available", as a failing mail server does.</summary>
    public bool Refusing
    {
        get => _store.Refusing;
        set => _store.Refusing = value;
    }

    /// <summary>How many messages were refused.</summary>
    public int Refused => _store.Refused;

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until a message to this address arrives, holding <paramref name="containing"/> in its body when
    /// given (mail goes through the outbox, so a message from an earlier test may be the latest to arrive).
    /// </summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null, string? containing = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var message = _store.Messages.LastOrDefault(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))
                && (containing is null || (m.TextBody ?? string.Empty).Contains(containing, StringComparison.Ordinal)));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No e-mail to {address} arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();
        private int _refused;

        public volatile bool Refusing;

        public int Refused => _refused;

        public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refusing)
            {
                Interlocked.Increment(ref _refused);
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Service not available, try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            _messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
