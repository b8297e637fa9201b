namespace Mfa.Reset;

/// <summary>
/// A completed reset. The user must set up MFA again at next sign-in; the host must end the user's sessions now
/// (listeners also receive an event whose <see cref="Audit.MfaEvent.EndsSessions"/> is <see langword="true"/>).
/// </summary>
/// <param name="UserId">The user whose MFA was reset.</param>
/// <param name="FactorsRemoved">How many factors (active and pending) were deleted.</param>
public sealed record MfaResetOutcome(string UserId, int FactorsRemoved);
