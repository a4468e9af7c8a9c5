using System.Security.Cryptography;

namespace Lantern.Security;

/// <summary>The nonce for this response's content security policy, given to every script tag the layout writes.</summary>
public static class CspNonce
{
    private const string ItemKey = "lantern:csp-nonce";

    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ItemKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            context.Items[ItemKey] = nonce;
        }

        return nonce;
    }
}
