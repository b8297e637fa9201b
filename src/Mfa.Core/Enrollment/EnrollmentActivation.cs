using Mfa.RecoveryCodes;

namespace Mfa.Enrollment;

/// <summary>An activated factor, with the recovery codes to show the user once.</summary>
/// <param name="Method">The factor now active.</param>
/// <param name="RecoveryCodes">The new recovery codes (the previous set, if any, no longer works).</param>
public sealed record EnrollmentActivation(MfaMethod Method, RecoveryCodeSet RecoveryCodes);
