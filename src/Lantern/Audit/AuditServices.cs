using Lantern.Commands;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Audit;

public static class AuditServices
{
    /// <summary>The hash-chained audit log, its head export and its verify command.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<AuditHeadExport>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadExport>());
        services.AddSingleton<IInterceptor, AuditCommitInterceptor>();
        services.AddSingleton<ILanternCommand, VerifyAuditCommand>();
        return builder;
    }
}
