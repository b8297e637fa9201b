namespace Mfa.Stores;

/// <summary>Why an SMS code was sent.</summary>
public enum MfaSmsPurpose
{
    /// <summary>To prove a phone number while enrolling it.</summary>
    Enrollment = 0,

    /// <summary>To sign in with an active SMS factor.</summary>
    SignIn = 1,
}
