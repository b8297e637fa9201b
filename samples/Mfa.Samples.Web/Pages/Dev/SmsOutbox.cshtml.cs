using Mfa.Samples.Web.Infrastructure;
using Mfa.Sms.Development;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Dev;

/// <summary>
/// The development SMS outbox, so codes can be read without a phone. Development only (404 otherwise) and open to
/// anonymous visitors, since a user in the middle of signing in needs it.
/// </summary>
[AllowAnonymous]
public sealed class SmsOutboxModel(IHostEnvironment environment, IConfiguration configuration, IServiceProvider services) : PageModel
{
    /// <summary>The outbox file.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The messages, newest first.</summary>
    public IReadOnlyList<DevelopmentSmsMessage> Messages { get; private set; } = [];

    /// <summary>Shows the outbox.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !SampleSms.UsesOutbox(configuration))
        {
            return NotFound();
        }

        var outbox = services.GetRequiredService<DevelopmentSmsOutbox>();
        Path = outbox.Path;
        Messages = (await outbox.ReadAllAsync(cancellationToken)).Reverse().ToList();
        return Page();
    }
}
