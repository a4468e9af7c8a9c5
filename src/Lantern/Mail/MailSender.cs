using Lantern.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lantern.Mail;

/// <summary>
/// Sends mail through the configured SMTP server, or writes it to the data folder when none is set
/// (so a demo on a laptop needs no mail server). E-mails carry no safeguarding detail, ever.
/// </summary>
public sealed partial class MailSender(IOptions<MailOptions> options, IOptions<LanternOptions> lantern, ILogger<MailSender> logger)
{
    public async Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.Combine(lantern.Value.DataFolderFullPath, "mail");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{Guid.CreateVersion7()}.eml");
            await message.WriteToAsync(path, cancellationToken);
            LogWritten(logger, folder);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server is configured; an e-mail was written to {Folder}.")]
    private static partial void LogWritten(ILogger logger, string folder);
}
