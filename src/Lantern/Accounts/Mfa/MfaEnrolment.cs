using System.Globalization;
using System.Text;
using Lantern.Accounts.Users;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Lantern.Accounts.Mfa;

/// <summary>Enrolment of an authenticator app (TOTP, RFC 6238) with recovery codes.</summary>
public sealed class MfaEnrolment(UserManager<LanternUser> users)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The shared key, created on first use and kept until enrolment is confirmed.</summary>
    public async Task<string> GetOrCreateKeyAsync(LanternUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key ?? throw new InvalidOperationException("The authenticator key could not be created.");
    }

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static Uri AuthenticatorUri(string issuer, string account, string key) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6"));

    /// <summary>The QR code as a PNG data URI (the content security policy allows data: images, not inline styles).</summary>
    public static string QrCodeDataUri(Uri authenticatorUri)
    {
        ArgumentNullException.ThrowIfNull(authenticatorUri);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(authenticatorUri.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>People type codes with spaces or dashes, as apps show them; accept that.</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());

    public async Task<bool> VerifyAsync(LanternUser user, string? code) =>
        await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code));

    /// <summary>Turns the second factor on and returns fresh recovery codes, shown to the person once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(LanternUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return codes?.ToList() ?? [];
    }
}
