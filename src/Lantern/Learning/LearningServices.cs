using System.Threading.RateLimiting;
using Lantern.Accounts.Users;
using Lantern.Learning.Progress;
using Lantern.Learning.Records;
using Lantern.Learning.Reminders;
using Lantern.Learning.Statements;
using Microsoft.Extensions.Options;

namespace Lantern.Learning;

public static class LearningServices
{
    public const string VerifyRateLimit = "verify";
    public const string TrainingManagerPolicy = "TrainingManager";
    public const string CertificateRevokerPolicy = "CertificateRevoker";

    /// <summary>Learning records: progress, completions and certificates, assignments, the training matrix, reminders, xAPI.</summary>
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.Section);
        services.AddScoped<LearningProgress>();
        services.AddScoped<TrainingRecords>();

        // Reminders into the mail outbox (Mail/), under a lease, one node at a time.
        services.AddSingleton<TrainingReminders>();
        services.AddHostedService(s => s.GetRequiredService<TrainingReminders>());

        // xAPI statements forwarded to an external learning record store, when one is configured, under a lease.
        services.AddOptions<XapiOptions>().BindConfiguration(XapiOptions.Section);
        services.AddHttpClient(XapiForwarder.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<XapiForwarder>();
        services.AddHostedService(s => s.GetRequiredService<XapiForwarder>());

        services.AddAuthorizationBuilder()
            .AddPolicy(TrainingManagerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.TrainingManager))
            .AddPolicy(CertificateRevokerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.TrainingManager, Roles.OrganisationAdmin));

        // The public verification page: every look-up counts, reading included, so codes cannot be guessed in bulk.
        services.AddRateLimiter(o => o.AddPolicy(VerifyRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            "verify:" + context.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<LearningOptions>>().Value.VerifyPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));

        var offsetDays = builder.Configuration.GetValue<int>(LearningOptions.Section + ":" + nameof(LearningOptions.ClockOffsetDays));
        if (builder.Environment.IsDevelopment() && offsetDays != 0)
        {
            services.AddSingleton<TimeProvider>(new OffsetClock(TimeSpan.FromDays(offsetDays)));
        }

        return builder;
    }
}
