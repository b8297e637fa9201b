using Mfa.Audit;
using Mfa.Samples.Web.Infrastructure;
using Mfa.Stores;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Admin;

/// <summary>The organization's audit trail, paged (Owners; the engine checks again).</summary>
public sealed class AuditModel(MfaAuditService audit, IConfiguration configuration) : PageModel
{

    /// <summary>The page number, from 0.</summary>
    public new int Page { get; private set; }

    /// <summary>Whether older records follow.</summary>
    public bool HasMore { get; private set; }

    /// <summary>The records.</summary>
    public IReadOnlyList<MfaAuditRecord> Records { get; private set; } = [];

    /// <summary>Shows page <paramref name="p"/>.</summary>
    public async Task<IActionResult> OnGetAsync(int p, CancellationToken cancellationToken)
    {
        // Records per page: setting Sample:AuditPageSize (default 20).
        var pageSize = Math.Clamp(configuration.GetValue("Sample:AuditPageSize", 20), 1, MfaAuditService.MaxPageSize);
        var page = await audit.ListAsync(User.UserId(), User.OrganizationId(), Math.Max(0, p), pageSize, cancellationToken);
        if (!page.Succeeded)
        {
            return Forbid();
        }

        (Page, HasMore, Records) = (page.Value.Page, page.Value.HasMore, page.Value.Records);
        return base.Page();
    }
}
