using Lantern.Data;
using Lantern.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Lantern.Shared;

/// <summary>What a person who has just started Lantern needs to know: where it is, and how to sign in to the demo.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lantern = app.Services.GetRequiredService<IOptions<LanternOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"Lantern is running at {string.Join(", ", addresses)}");
        output.WriteLine($"Database: {database.Provider}{(database.Provider == DatabaseProvider.Sqlite && string.IsNullOrEmpty(database.ConnectionString) ? " in " + Path.Combine(lantern.DataFolderFullPath, "lantern.db") : string.Empty)}");
        if (lantern.Demo)
        {
            output.WriteLine($"Demo organisation: {DemoData.OrganisationName}. Every demo person's password is: {DemoData.Password}");
            foreach (var person in DemoData.People)
            {
                output.WriteLine($"  {person.Role,-20} {person.Email}");
            }

            output.WriteLine("People with safeguarding or admin roles set up an authenticator app at first sign-in.");
        }

        output.WriteLine("Press Ctrl+C to stop.");
        output.WriteLine();
    }
}
