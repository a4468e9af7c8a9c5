using System.Net;
using System.Net.Sockets;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a server. <see cref="Cut"/> drops every connection and refuses new
/// ones, as a stopped or unreachable database server does; <see cref="Restore"/> listens again on the
/// same port. The real server keeps running for every other test.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        var listener = Listen(0);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Start(listener);
    }

    public int Port { get; }

    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Close();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        if (_listener is null)
        {
            _stop.Dispose();
            _stop = new CancellationTokenSource();
            Start(Listen(Port));
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private void Start(TcpListener listener)
    {
        _listener = listener;
        _ = AcceptAsync(listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Close();
                outbound.Close();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            from.Close();
            to.Close();
        }
    }
}
