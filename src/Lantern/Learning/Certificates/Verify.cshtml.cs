using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Certificates;

/// <summary>
/// The public page that says whether a certificate is genuine. It shows the name, the course and the
/// dates, and nothing else (no organisation, score or e-mail address); a revoked or expired certificate
/// says so. Every look-up counts against a per-address rate limit, so codes cannot be guessed in bulk.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LearningServices.VerifyRateLimit)]
[IgnoreAntiforgeryToken]
public sealed class VerifyModel(LanternDbContext db, TimeProvider clock) : PageModel
{
    public const string CodeAdvice = "Enter the verification code as it is printed on the certificate, for example 7K2M-9QXD-4HWA-PT3E-B6RN-C8VF";

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public VerifiedCertificate? Found { get; private set; }

    public bool Looked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Code is null && !Request.Query.ContainsKey("code"))
        {
            return Page();
        }

        Looked = true;
        var code = CertificateCode.Normalise(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code) ? "Enter the verification code" : CodeAdvice);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Found = await (
                from c in db.Certificates
                join d in db.Completions on c.CompletionId equals d.Id
                join u in db.Users on c.UserId equals u.Id
                where c.Code == code && d.OrganisationId == c.OrganisationId && u.OrganisationId == c.OrganisationId
                select new VerifiedCertificate(u.DisplayName, d.CourseTitle, d.CompletedOn, d.ValidUntil, c.RevokedAt != null))
            .SingleOrDefaultAsync(cancellationToken);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Code = code;
        return Page();
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>What the verification page may show of a certificate.</summary>
public sealed record VerifiedCertificate(string Name, string Course, DateOnly CompletedOn, DateOnly? ValidUntil, bool Revoked);
