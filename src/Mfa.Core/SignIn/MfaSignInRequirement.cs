namespace Mfa.SignIn;

/// <summary>What a user who passed the host's password check needs next.</summary>
public enum MfaSignInStep
{
    /// <summary>Nothing: sign the user in.</summary>
    None = 0,

    /// <summary>A second-factor challenge with <see cref="MfaSignInRequirement.Method"/> (or a recovery code).</summary>
    Challenge = 1,

    /// <summary>The user must enrol a factor before signing in (see <see cref="MfaSignInRequirement.Reason"/>).</summary>
    Enrollment = 2,
}

/// <summary>Why enrolment is asked for.</summary>
public enum MfaEnrollmentReason
{
    /// <summary>The user's organization requires MFA and the user has no allowed factor.</summary>
    OrganizationRequiresMfa = 1,

    /// <summary>The user's factor is SMS, which the organization no longer allows.</summary>
    SmsNotAllowed = 2,

    /// <summary>An Owner, or the user, reset the user's MFA.</summary>
    MfaWasReset = 3,
}

/// <summary>The answer of <see cref="MfaSignInService.GetRequirementAsync"/>.</summary>
public sealed record MfaSignInRequirement
{
    /// <summary>What to do next.</summary>
    public required MfaSignInStep Step { get; init; }

    /// <summary>For <see cref="MfaSignInStep.Challenge"/>: the factor to ask for.</summary>
    public MfaMethod? Method { get; init; }

    /// <summary>The masked phone number of an SMS factor, to say where the code goes.</summary>
    public string? MaskedPhoneNumber { get; init; }

    /// <summary>
    /// Why enrolment is (or soon will be) needed: set with <see cref="MfaSignInStep.Enrollment"/>, and also with
    /// <see cref="MfaSignInStep.None"/> or <see cref="MfaSignInStep.Challenge"/> while a grace period runs.
    /// </summary>
    public MfaEnrollmentReason? Reason { get; init; }

    /// <summary>When a running grace period ends: enrolment is optional until then and required after.</summary>
    public DateTimeOffset? EnrollmentDeadline { get; init; }
}
