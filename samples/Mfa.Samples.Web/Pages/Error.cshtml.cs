using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages;

/// <summary>Errors and status codes.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>The heading.</summary>
    public string Title { get; private set; } = "Something went wrong";

    /// <summary>The explanation.</summary>
    public string Text { get; private set; } = "The request could not be completed.";

    /// <summary>Shows the page for a status code (or an exception).</summary>
    public void OnGet(int? code) => Describe(code);

    /// <summary>Shows the page for a failed POST.</summary>
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Text) = code switch
        {
            403 => ("Access denied", "You do not have permission to see this page."),
            404 => ("Not found", "There is no page at this address."),
            400 => ("Bad request", "The form could not be accepted. Reload the page and try again."),
            _ => (Title, Text),
        };
    }
}
