using System.Net;
using Lantern.Accounts.Users;
using Lantern.Demo;
using OtpNet;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>Signs in as the demo people, doing what a person does: the form, then the authenticator app.</summary>
public static class DemoPeople
{
    public static string EmailFor(string role) =>
        DemoData.People.Single(p => p.Role == role).Email;

    public static string NameFor(string role) =>
        DemoData.People.Single(p => p.Role == role).Name;

    public static async Task SignInAsync(HttpClient client, string email, string password = DemoData.Password)
    {
        var page = await client.GetPageAsync("/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}");
        var next = response.Headers.Location!.OriginalString;
        if (next.StartsWith("/sign-in/code", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This person already has an authenticator; use SignInWithCodeAsync.");
        }

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString.StartsWith("/account/two-step", StringComparison.Ordinal))
        {
            await EnrolAuthenticatorAsync(client);
        }
    }

    /// <summary>Sets up two-step verification from the key shown on the page, as a person's app would, and returns the key.</summary>
    public static async Task<string> EnrolAuthenticatorAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/two-step");
        var key = page.Text("#authenticator-key").Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        using var response = await client.SubmitAsync(page, "main form", [new("Input.Code", CodeFor(key))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Html.ParseAsync(response);
        Assert.Contains("Save your recovery codes", done.Text("main"), StringComparison.Ordinal);
        return key;
    }

    public static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public static IEnumerable<string> RolesThatNeedMfa => Roles.All.Where(r => r.RequiresMfa).Select(r => r.Name);
}
