using Lantern.Data;
using Lantern.Mail;
using Microsoft.Extensions.Options;

namespace Lantern.Concerns.Notifications;

/// <summary>
/// E-mails about concerns: that one is waiting, or that an urgent one has not been opened. A link and
/// nothing else: no name, no reference, no detail of any child ever goes in an e-mail.
/// </summary>
public sealed partial class ConcernMail(LanternDbContext db, MailSender mail, IOptions<MailOptions> options, ILogger<ConcernMail> logger)
{
    public const string WaitingSubject = "A safeguarding concern is waiting for you in Lantern";
    public const string EscalatedSubject = "Urgent: a safeguarding concern has not been opened";

    /// <summary>Tells whoever the concern is routed to. A failure is logged and never undoes the concern (it is in their inbox).</summary>
    public async Task TellHandlersAsync(Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var link = Link($"/concerns/{concern.Id}");
        foreach (var person in await ConcernPeople.HandlersAsync(db, concern, cancellationToken))
        {
            await SendAsync(person, WaitingSubject,
                $"""
                Hello {person.Name},

                {(concern.Urgent ? "An urgent safeguarding concern" : "A safeguarding concern")} has been recorded and is waiting for you.

                Open it in Lantern (you will be asked to sign in):
                {link}

                This e-mail holds no details on purpose. Please do not forward it.
                """, cancellationToken);
        }
    }

    public async Task TellEscalationAsync(Concern concern, int minutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var link = Link("/concerns");
        foreach (var person in await ConcernPeople.EscalationAsync(db, concern, cancellationToken))
        {
            await SendAsync(person, EscalatedSubject,
                $"""
                Hello {person.Name},

                An urgent safeguarding concern was recorded more than {minutes} minutes ago and nobody has opened it yet.

                Please make sure a safeguarding lead acts on it now. If you handle concerns, open your inbox:
                {link}

                This e-mail holds no details on purpose. Please do not forward it.
                """, cancellationToken);
        }
    }

    private string Link(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    private async Task SendAsync(ConcernPeople.Contact person, string subject, string body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(person.Email))
        {
            return;
        }

        try
        {
            await mail.SendAsync(person.Email, person.Name, subject, body, cancellationToken);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or MailKit.ServiceNotAuthenticatedException)
        {
            LogNotSent(logger, person.Id, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A concern e-mail to person {PersonId} was not sent ({Error}).")]
    private static partial void LogNotSent(ILogger logger, Guid personId, string error);
}
