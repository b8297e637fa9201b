using Mfa.Enrollment;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Mfa.SignIn;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Admin;

/// <summary>The organization's users with their MFA status (Owners).</summary>
public sealed class UsersModel(SampleUserAccounts accounts, MfaEnrollmentService enrollment, MfaSignInService signIn) : PageModel
{
    /// <summary>One user and their MFA in words.</summary>
    public sealed record Row(SampleUser User, string MfaText);

    /// <summary>The rows.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var user in await accounts.ListAsync(User.OrganizationId(), cancellationToken))
        {
            var status = await enrollment.GetStatusAsync(user.Id, cancellationToken);
            var requirement = await signIn.GetRequirementAsync(user.Id, cancellationToken);
            var text = status.Succeeded && status.Value.ActiveMethod is { } method
                ? method == MfaMethod.Sms ? $"On (SMS {status.Value.MaskedPhoneNumber})" : "On (authenticator app)"
                : requirement.Succeeded && requirement.Value.Step == MfaSignInStep.Enrollment
                    ? requirement.Value.Reason == MfaEnrollmentReason.MfaWasReset ? "Reset: must set up at next sign-in" : "Off: must set up at next sign-in"
                    : "Off";
            rows.Add(new Row(user, text));
        }

        Rows = rows;
    }
}
