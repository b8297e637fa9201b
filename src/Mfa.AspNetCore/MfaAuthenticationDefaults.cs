namespace Mfa.AspNetCore;

/// <summary>Names used by the ASP.NET Core glue.</summary>
public static class MfaAuthenticationDefaults
{
    /// <summary>
    /// The cookie scheme of a sign-in waiting for its second factor (or enrolment). It carries only the user id and
    /// the step; it is never a default scheme, so only pages that ask for it by name (see
    /// <see cref="PendingSignInPolicy"/>) can see it.
    /// </summary>
    public const string PendingScheme = "Mfa.Pending";

    /// <summary>The authorization policy of the second-factor and enrolment pages: a valid pending-sign-in cookie.</summary>
    public const string PendingSignInPolicy = "Mfa.PendingSignIn";

    /// <summary>The default claim type of the security stamp a session was issued with.</summary>
    public const string SecurityStampClaimType = "mfa:security_stamp";

    /// <summary>The claim of the pending cookie telling what the user must do next (<c>Challenge</c> or <c>Enrollment</c>).</summary>
    public const string PendingStepClaimType = "mfa:pending_step";
}
