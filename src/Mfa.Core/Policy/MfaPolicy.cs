namespace Mfa.Policy;

/// <summary>An organization's MFA policy as seen by hosts.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="RequireMfa">Whether every user must use MFA.</param>
/// <param name="AllowSms">Whether SMS is allowed for all users (meaningful once MFA is required; otherwise app only).</param>
/// <param name="EnrollmentGracePeriod">How long users without an allowed factor may still sign in after MFA became required.</param>
/// <param name="RequiredSince">When MFA became required.</param>
public sealed record MfaPolicy(string OrganizationId, bool RequireMfa, bool AllowSms, TimeSpan? EnrollmentGracePeriod, DateTimeOffset? RequiredSince);
