using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Accounts.Invitations;

/// <summary>
/// The e-mail that invites a person to choose their password. The link carries a password-reset token,
/// which lives as long as Identity's data protection tokens (7 days) and dies when the person's security
/// stamp changes, so only the latest invitation works. The e-mail names the organisation and who sent
/// it; it never says anything about a child or a case.
/// </summary>
public sealed partial class Invitation(
    UserManager<LanternUser> users,
    LanternDbContext db,
    MailSender mail,
    IOptions<MailOptions> mailOptions,
    IOptions<LanternOptions> lantern,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    ILogger<Invitation> logger)
{
    public const string Path = "/accept-invitation";

    /// <summary>Sends the invitation; false when the mail server could not take it (the person is kept either way).</summary>
    public async Task<bool> SendAsync(LanternUser person, string invitedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var token = await users.GeneratePasswordResetTokenAsync(person);
        var organisation = await db.Organisations
            .Where(o => o.Id == person.OrganisationId)
            .Select(o => o.Name)
            .SingleAsync(cancellationToken);

        var siteName = lantern.Value.SiteName;
        var link = string.Create(CultureInfo.InvariantCulture,
            $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}{Path}?user={person.Id}&token={Uri.EscapeDataString(token)}");
        var days = Math.Max(1, (int)Math.Round(tokens.Value.TokenLifespan.TotalDays));
        var body = $"""
            Hello {person.DisplayName},

            {invitedBy} has invited you to use {siteName} at {organisation}. {siteName} is where {organisation} keeps its safeguarding training and records.

            To accept, open this link and create your password:

            {link}

            The link works for {days} {(days == 1 ? "day" : "days")}. If it has stopped working, ask {invitedBy} or another admin at {organisation} to send you a new invitation.

            If you were not expecting this e-mail, you can ignore it.
            """;

        try
        {
            await mail.SendAsync(person.Email ?? string.Empty, person.DisplayName, $"You have been invited to {siteName}", body, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the mail server's failure, the admin is told and can send the invitation again.
            LogNotSent(logger, person.Id, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation e-mail for person {PersonId} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, Guid personId, Exception exception);
}
