using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Concerns;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Screening.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Screening;

/// <summary>Publishes a new version of the demo organisation's catalogue as its admin would, through the app's own service.</summary>
public static class CatalogueData
{
    public static async Task<int> PublishAsync(LanternApp app, Func<CatalogueContent, CatalogueContent> change)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(change);
        var admin = await ConcernData.PersonIdAsync(app, Roles.OrganisationAdmin);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lantern.Data.LanternDbContext>();
        var organisation = await db.Users.Where(u => u.Id == admin).Select(u => u.OrganisationId).SingleAsync();
        var catalogues = scope.ServiceProvider.GetRequiredService<ScreeningCatalogues>();
        var (version, content) = await catalogues.CurrentAsync(organisation, CancellationToken.None);
        var published = await catalogues.PublishAsync(organisation, admin, version, change(content), "Changed by a test", CancellationToken.None);
        Assert.NotNull(published);
        return published.Value;
    }
}
