using Lantern.Screening.Catalogue;

namespace Lantern.Screening;

public static class ScreeningServices
{
    /// <summary>CSE screening: each organisation's versioned catalogue, screenings of children, their trend.</summary>
    public static WebApplicationBuilder AddScreening(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ScreeningCatalogues>();
        return builder;
    }
}
