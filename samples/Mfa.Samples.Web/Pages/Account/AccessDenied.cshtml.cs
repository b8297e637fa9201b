using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Account;

/// <summary>Where the cookie handler sends forbidden requests; answers 403.</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    /// <summary>Shows the page with status 403.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
