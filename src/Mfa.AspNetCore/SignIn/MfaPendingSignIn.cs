using Mfa.SignIn;

namespace Mfa.AspNetCore;

/// <summary>A sign-in that passed the password check and waits for its second factor or for enrolment.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Step"><see cref="MfaSignInStep.Challenge"/> or <see cref="MfaSignInStep.Enrollment"/>.</param>
/// <param name="IsPersistent">Whether the user asked to stay signed in; carried to the full session.</param>
public sealed record MfaPendingSignIn(string UserId, MfaSignInStep Step, bool IsPersistent);
