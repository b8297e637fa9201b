using Mfa.Enrollment;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Samples.Web.Pages;

/// <summary>The signed-in home page.</summary>
public sealed class IndexModel(SampleDbContext db, MfaEnrollmentService enrollment) : PageModel
{
    /// <summary>The user's organization.</summary>
    public string OrganizationName { get; private set; } = "";

    /// <summary>The user's role.</summary>
    public string Role { get; private set; } = "";

    /// <summary>Whether the user has an active factor.</summary>
    public bool MfaOn { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organizationId = User.OrganizationId();
        OrganizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Role = User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "";
        var status = await enrollment.GetStatusAsync(User.UserId(), cancellationToken);
        MfaOn = status.Succeeded && status.Value.IsEnabled;
    }
}
