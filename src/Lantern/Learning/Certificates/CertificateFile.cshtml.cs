using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.Mail;
using Lantern.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Learning.Certificates;

/// <summary>A learner's certificate as a tagged PDF. Only their own: anyone else's id, in any organisation, is not found.</summary>
public sealed class CertificateFileModel(LanternDbContext db, IOptions<MailOptions> mail, IOptions<LanternOptions> lantern) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (org, me) = (User.GetOrganisationId(), User.GetUserId());
        var found = await (
                from c in db.Certificates
                join d in db.Completions on c.CompletionId equals d.Id
                join u in db.Users on c.UserId equals u.Id
                where c.OrganisationId == org && d.OrganisationId == org && u.OrganisationId == org && c.Id == id && c.UserId == me
                select new { u.DisplayName, d.CourseTitle, d.CompletedOn, d.ValidUntil, c.Code })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        CertificatePdf.Write(stream, found.DisplayName, found.CourseTitle, found.CompletedOn, found.ValidUntil, found.Code, VerifyUrl(mail.Value, found.Code), lantern.Value.SiteName);
        stream.Position = 0;
        return File(stream, "application/pdf", $"certificate-{found.CompletedOn:yyyy-MM-dd}.pdf");
    }

    public static Uri VerifyUrl(MailOptions mail, string code)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new Uri(mail.PublicBaseUrl.TrimEnd('/') + "/verify/" + code);
    }
}
