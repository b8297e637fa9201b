namespace Mfa.Users;

/// <summary>What the engine needs to know about one of the host's users.</summary>
/// <param name="UserId">The host's stable identifier for the user.</param>
/// <param name="AccountName">The label shown in authenticator apps, usually the e-mail address or user name.</param>
/// <param name="OrganizationId">The user's organization (tenant), or <see langword="null"/> for a user outside any organization.</param>
/// <param name="Role">The user's role in <paramref name="OrganizationId"/>.</param>
public sealed record MfaUser(string UserId, string AccountName, string? OrganizationId, MfaRole Role = MfaRole.Member);
