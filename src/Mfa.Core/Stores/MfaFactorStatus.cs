namespace Mfa.Stores;

/// <summary>Where a factor is in its life.</summary>
public enum MfaFactorStatus
{
    /// <summary>Enrolment begun, not yet proven by a code. Never accepted at sign-in.</summary>
    Pending = 0,

    /// <summary>Activated: accepted at sign-in.</summary>
    Active = 1,
}
