using Lantern.Data;
using Lantern.Mail;
using Microsoft.Extensions.Options;

namespace Lantern.Concerns.Notifications;

/// <summary>
/// E-mails about concerns: that one is waiting, or that an urgent one has not been opened. A link and
/// nothing else: no name, no reference, no detail of any child ever goes in an e-mail. They are put in
/// the outbox inside the caller's transaction (saved with the concern, or not at all) and sent by the
/// outbox worker, which tries again later if the mail server is down.
/// </summary>
public sealed class ConcernMail(LanternDbContext db, MailOutbox outbox, IOptions<MailOptions> options)
{
    public const string WaitingSubject = "A safeguarding concern is waiting for you in Lantern";
    public const string EscalatedSubject = "Urgent: a safeguarding concern has not been opened";

    /// <summary>Queues an e-mail to whoever the concern is routed to (never the person it is about).</summary>
    public async Task QueueForHandlersAsync(Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var link = Link($"/concerns/{concern.Id}");
        foreach (var person in await ConcernPeople.HandlersAsync(db, concern, cancellationToken))
        {
            Queue(concern, person, WaitingSubject,
                $"""
                Hello {person.Name},

                {(concern.Urgent ? "An urgent safeguarding concern" : "A safeguarding concern")} has been recorded and is waiting for you.

                Open it in Lantern (you will be asked to sign in):
                {link}

                This e-mail holds no details on purpose. Please do not forward it.
                """);
        }
    }

    public async Task QueueEscalationAsync(Concern concern, int minutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var link = Link("/concerns");
        foreach (var person in await ConcernPeople.EscalationAsync(db, concern, cancellationToken))
        {
            Queue(concern, person, EscalatedSubject,
                $"""
                Hello {person.Name},

                An urgent safeguarding concern was recorded more than {minutes} minutes ago and nobody has opened it yet.

                Please make sure a safeguarding lead acts on it now. If you handle concerns, open your inbox:
                {link}

                This e-mail holds no details on purpose. Please do not forward it.
                """);
        }
    }

    /// <summary>After the caller's transaction commits: send now rather than at the next poll.</summary>
    public void SendSoon() => outbox.Wake();

    private string Link(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    private void Queue(Concern concern, ConcernPeople.Contact person, string subject, string body)
    {
        if (!string.IsNullOrEmpty(person.Email))
        {
            outbox.Add(concern.OrganisationId, person.Email, person.Name, subject, body);
        }
    }
}
