namespace Lantern.Load;

/// <summary>
/// Keeps the app's cookies for one simulated person over plain http on loopback. Browsers treat
/// http://localhost as secure and send <c>__Host-</c> Secure cookies there; .NET's cookie container
/// does not, so this handler keeps name=value pairs itself.
/// </summary>
public sealed class LoopbackCookies : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public LoopbackCookies()
        : base(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_gate)
            {
                foreach (var header in setCookies)
                {
                    Keep(header);
                }
            }
        }

        return response;
    }

    private void Keep(string header)
    {
        var pair = header.Split(';', 2)[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }

        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
        if (expired)
        {
            _cookies.Remove(name);
        }
        else
        {
            _cookies[name] = value;
        }
    }
}
