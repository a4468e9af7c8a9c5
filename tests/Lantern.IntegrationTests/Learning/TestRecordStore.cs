using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// A real xAPI learning record store on loopback (HttpListener), small but honest: it takes statements
/// POSTed to <c>/xapi/statements</c> as a JSON array, keeps every request with its headers, and refuses
/// the first <see cref="RefuseFirst"/> requests with 503, as a store that is briefly down does.
/// </summary>
public sealed class TestRecordStore : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Task _serving;
    private int _requests;

    public TestRecordStore()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/xapi/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/xapi";

    public int RefuseFirst { get; set; } = 1;

    public IReadOnlyCollection<Received> Requests => _received.ToArray();

    public IEnumerable<JsonElement> Accepted => Requests.Where(r => r.Status < 300).SelectMany(r => r.Statements);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            using var reader = new StreamReader(request.InputStream);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref _requests);
            var status = request.HttpMethod != "POST" || request.Url!.AbsolutePath != "/xapi/statements" ? 404 : n <= RefuseFirst ? 503 : 200;
            List<JsonElement> statements = [];
            if (status == 200)
            {
                try
                {
                    statements = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
                }
                catch (JsonException)
                {
                    status = 400;
                }
            }

            _received.Enqueue(new Received(status, request.Headers["X-Experience-API-Version"], request.Headers["Authorization"], request.ContentType, statements));
            context.Response.StatusCode = status;
            if (status == 200)
            {
                context.Response.ContentType = "application/json";
                var ids = JsonSerializer.SerializeToUtf8Bytes(statements.Select(s => s.GetProperty("id").GetString()));
                await context.Response.OutputStream.WriteAsync(ids);
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One request as the store saw it.</summary>
    public sealed record Received(int Status, string? Version, string? Authorization, string? ContentType, IReadOnlyList<JsonElement> Statements);
}
