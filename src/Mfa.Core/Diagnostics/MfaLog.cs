using Microsoft.Extensions.Logging;

namespace Mfa.Diagnostics;

/// <summary>
/// Every log line the engine writes. Arguments are identifiers, methods and error codes only: never a secret, a code,
/// a recovery code or a full phone number.
/// </summary>
internal static partial class MfaLog
{
    [LoggerMessage(1, LogLevel.Information, "MFA enrolment started for user {UserId} with {Method}.")]
    public static partial void EnrollmentStarted(ILogger logger, string userId, MfaMethod method);

    [LoggerMessage(2, LogLevel.Information, "MFA factor {Method} activated for user {UserId}.")]
    public static partial void EnrollmentActivated(ILogger logger, string userId, MfaMethod method);

    [LoggerMessage(3, LogLevel.Information, "MFA verification for user {UserId} failed: {ErrorCode}.")]
    public static partial void VerificationFailed(ILogger logger, string userId, string errorCode);

    [LoggerMessage(4, LogLevel.Debug, "MFA verification for user {UserId} succeeded with {Method}.")]
    public static partial void VerificationSucceeded(ILogger logger, string userId, MfaMethod method);

    [LoggerMessage(5, LogLevel.Warning, "User {UserId} locked out of MFA until {LockedUntil} after {FailedCount} failed attempts.")]
    public static partial void LockedOut(ILogger logger, string userId, DateTimeOffset lockedUntil, int failedCount);

    [LoggerMessage(6, LogLevel.Information, "Recovery code used by user {UserId}; {Remaining} left.")]
    public static partial void RecoveryCodeUsed(ILogger logger, string userId, int remaining);

    [LoggerMessage(7, LogLevel.Information, "Recovery codes regenerated for user {UserId}.")]
    public static partial void RecoveryCodesRegenerated(ILogger logger, string userId);

    [LoggerMessage(8, LogLevel.Error, "MFA event listener {Listener} failed on {EventType}; the change itself stands.")]
    public static partial void EventListenerFailed(ILogger logger, string listener, string eventType, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "SMS code sent to user {UserId} at {MaskedPhone} ({Purpose}).")]
    public static partial void SmsSent(ILogger logger, string userId, string maskedPhone, string purpose);

    [LoggerMessage(10, LogLevel.Warning, "SMS to user {UserId} at {MaskedPhone} not sent: {Status} (provider code {ProviderCode}).")]
    public static partial void SmsFailed(ILogger logger, string userId, string maskedPhone, string status, string? providerCode);

    [LoggerMessage(11, LogLevel.Information, "SMS to user {UserId} refused: {ErrorCode}.")]
    public static partial void SmsRefused(ILogger logger, string userId, string errorCode);

    [LoggerMessage(12, LogLevel.Information, "MFA factors removed for user {UserId} ({Reason}) by {ActorUserId}.")]
    public static partial void FactorsRemoved(ILogger logger, string userId, string reason, string actorUserId);

    [LoggerMessage(13, LogLevel.Information, "MFA policy of organization {OrganizationId} changed by {ActorUserId}: {Change}.")]
    public static partial void PolicyChanged(ILogger logger, string organizationId, string actorUserId, string change);

    [LoggerMessage(14, LogLevel.Warning, "MFA operation by {ActorUserId} refused: {ErrorCode}.")]
    public static partial void NotPermitted(ILogger logger, string actorUserId, string errorCode);

    [LoggerMessage(15, LogLevel.Error, "SMS sender threw {ExceptionType} sending to user {UserId} at {MaskedPhone}; treated as an unknown outcome. ISmsSender implementations should return a failed SmsSendResult instead.")]
    public static partial void SmsSenderThrew(ILogger logger, string userId, string maskedPhone, string exceptionType);
}
