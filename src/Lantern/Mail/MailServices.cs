namespace Lantern.Mail;

public static class MailServices
{
    /// <summary>E-mail: the SMTP sender, the outbox that features write to in their own transactions, and its worker.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddScoped<MailSender>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(s => s.GetRequiredService<OutboxWorker>());
        return builder;
    }
}
