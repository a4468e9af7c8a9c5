using Lantern.Concerns.Access;
using Lantern.Concerns.Notifications;
using Lantern.Concerns.Recording;
using Microsoft.AspNetCore.Authorization;

namespace Lantern.Concerns;

public static class ConcernServices
{
    /// <summary>Safeguarding concerns: recording, triage, decisions, chronology, escalation of unopened urgent concerns.</summary>
    public static WebApplicationBuilder AddConcerns(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ConcernOptions>().BindConfiguration(ConcernOptions.Section);
        services.AddSingleton<IAuthorizationHandler, ConcernAuthorizationHandler>();
        services.AddScoped<ConcernDrafts>();
        services.AddScoped<RecordConcern>();
        services.AddScoped<ConcernMail>();
        services.AddSingleton<UrgentConcernEscalation>();
        services.AddHostedService(s => s.GetRequiredService<UrgentConcernEscalation>());
        return builder;
    }
}
