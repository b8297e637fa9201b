namespace Mfa.Users;

/// <summary>A user's role in their organization, as far as MFA cares.</summary>
public enum MfaRole
{
    /// <summary>An ordinary user.</summary>
    Member = 0,

    /// <summary>An administrator of the organization: may change its MFA policy and reset other users' MFA.</summary>
    Owner = 1,
}
