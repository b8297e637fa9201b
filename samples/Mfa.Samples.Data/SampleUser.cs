using Mfa.Users;

namespace Mfa.Samples.Data;

/// <summary>A user of the sample app: the host owns users and passwords; the MFA SDK owns the second factor.</summary>
public sealed class SampleUser
{
    /// <summary>The user's identifier: the sample uses the lower-case e-mail address.</summary>
    public required string Id { get; init; }

    /// <summary>The e-mail address used to sign in.</summary>
    public required string Email { get; init; }

    /// <summary>The name shown on pages.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The password hash (ASP.NET Core Identity's PBKDF2 format).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>The user's organization.</summary>
    public required string OrganizationId { get; init; }

    /// <summary>Owner or Member.</summary>
    public MfaRole Role { get; set; }

    /// <summary>Changes whenever the user's sessions must end (MFA reset); auth cookies carry the value they were issued with.</summary>
    public required string SecurityStamp { get; set; }
}
