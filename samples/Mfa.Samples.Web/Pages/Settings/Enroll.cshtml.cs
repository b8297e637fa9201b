using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Samples.Web.Pages.Settings;

/// <summary>The enrolment wizard for a signed-in user (Personal Settings: turning MFA on, or replacing the factor).</summary>
public sealed class EnrollModel(SampleUserAccounts accounts) : EnrollWizardPageModel
{
    /// <inheritdoc />
    public override string ContinueUrl => Url.Page("/Settings/Personal")!;

    /// <inheritdoc />
    public override string CancelUrl => Url.Page("/Settings/Personal")!;

    /// <inheritdoc />
    public override string Heading => "Set up multi-factor authentication";

    /// <inheritdoc />
    protected override Task<SampleUser?> ResolveUserAsync(CancellationToken cancellationToken) =>
        accounts.FindByEmailAsync(User.UserId(), cancellationToken);

    /// <inheritdoc />
    protected override IActionResult Denied() => Challenge();
}
