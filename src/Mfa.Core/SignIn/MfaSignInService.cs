using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Secrets;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Throttling;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.SignIn;

/// <summary>
/// The second step of sign-in, after the host checked the password: what the user needs, sending SMS codes, and
/// verifying a code or recovery code. Every failure counts towards the user's throttling; TOTP codes are single use.
/// </summary>
public sealed class MfaSignInService
{
    private readonly MfaStores _stores;
    private readonly MfaUserResolver _users;
    private readonly TotpCodeChecker _totp;
    private readonly IMfaSecretProtector _protector;
    private readonly SmsCodeSender _sms;
    private readonly AttemptThrottle _throttle;
    private readonly MfaPolicyEvaluator _policy;
    private readonly MfaAuditWriter _audit;
    private readonly MfaMetrics _metrics;
    private readonly IOptions<MfaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MfaSignInService(
        MfaStores stores,
        MfaUserResolver users,
        TotpCodeChecker totp,
        IMfaSecretProtector protector,
        SmsCodeSender sms,
        AttemptThrottle throttle,
        MfaPolicyEvaluator policy,
        MfaAuditWriter audit,
        MfaMetrics metrics,
        IOptions<MfaOptions> options,
        TimeProvider time,
        ILogger<MfaSignInService> logger)
    {
        _stores = stores;
        _users = users;
        _totp = totp;
        _protector = protector;
        _sms = sms;
        _throttle = throttle;
        _policy = policy;
        _audit = audit;
        _metrics = metrics;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Says what a user who passed the password check needs: nothing, a challenge (which factor), or enrolment (why,
    /// and the grace deadline if one runs).
    /// </summary>
    public async Task<MfaResult<MfaSignInRequirement>> GetRequirementAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var active = await _stores.Factors.FindActiveAsync(user.UserId, cancellationToken);
        var policy = await _policy.FindPolicyAsync(user, cancellationToken);
        var deadline = MfaPolicyEvaluator.GraceDeadline(policy);
        var inGrace = deadline > _time.GetUtcNow();

        if (active is not null)
        {
            if (active.Method == MfaMethod.Sms && !_policy.IsSmsAllowed(policy, ignoreGrace: true))
            {
                return inGrace
                    ? Requirement(MfaSignInStep.Challenge, active, MfaEnrollmentReason.SmsNotAllowed, deadline)
                    : Requirement(MfaSignInStep.Enrollment, null, MfaEnrollmentReason.SmsNotAllowed, null);
            }

            return Requirement(MfaSignInStep.Challenge, active, null, null);
        }

        if (await _stores.ResetMarkers.FindAsync(user.UserId, cancellationToken) is not null)
        {
            return Requirement(MfaSignInStep.Enrollment, null, MfaEnrollmentReason.MfaWasReset, null);
        }

        if (policy is { RequireMfa: true })
        {
            return inGrace
                ? Requirement(MfaSignInStep.None, null, MfaEnrollmentReason.OrganizationRequiresMfa, deadline)
                : Requirement(MfaSignInStep.Enrollment, null, MfaEnrollmentReason.OrganizationRequiresMfa, null);
        }

        return Requirement(MfaSignInStep.None, null, null, null);
    }

    /// <summary>
    /// Sends a sign-in code to the user's SMS factor: a new challenge, or a new code on the current one (subject to the
    /// resend cooldown, the sends per challenge, and the per-user and per-organization limits).
    /// </summary>
    public async Task<MfaResult<SmsCodeSent>> SendSmsCodeAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var active = await _stores.Factors.FindActiveAsync(user.UserId, cancellationToken);
        if (active is not { Method: MfaMethod.Sms })
        {
            return MfaErrors.NotEnrolled();
        }

        if (!await IsSmsUsableAsync(user, cancellationToken))
        {
            return MfaErrors.MethodNotAllowed(MfaMethod.Sms);
        }

        var current = await _stores.SmsChallenges.FindAsync(user.UserId, MfaSmsPurpose.SignIn, cancellationToken);
        return current is not null && current.FactorId == active.Id && current.ExpiresAt > _time.GetUtcNow()
            ? await _sms.ResendAsync(user, active, MfaSmsPurpose.SignIn, cancellationToken)
            : await _sms.SendNewChallengeAsync(user, active, MfaSmsPurpose.SignIn, null, cancellationToken);
    }

    /// <summary>
    /// Verifies a code from the user's active factor: a TOTP code (window ±<see cref="TotpOptions.Window"/> steps, each
    /// step accepted once) or the SMS code last sent. Spaces and hyphens are ignored.
    /// </summary>
    /// <returns>The verification, or an error: <see cref="MfaErrorCodes.MalformedCode"/>, <see cref="MfaErrorCodes.InvalidCode"/>,
    /// <see cref="MfaErrorCodes.CodeReplayed"/>, <see cref="MfaErrorCodes.LockedOut"/>, <see cref="MfaErrorCodes.NotEnrolled"/>, SMS code errors.</returns>
    public async Task<MfaResult<MfaVerification>> VerifyAsync(string userId, string code, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var active = await _stores.Factors.FindActiveAsync(user.UserId, cancellationToken);
        if (active is null)
        {
            return MfaErrors.NotEnrolled();
        }

        var digits = active.Method == MfaMethod.Sms ? _options.Value.Sms.CodeLength : active.Digits;
        if (!OneTimeCode.TryParse(code, digits, out var value))
        {
            return MfaErrors.MalformedCode(digits);
        }

        if (active.Method == MfaMethod.Sms && !await IsSmsUsableAsync(user, cancellationToken))
        {
            return MfaErrors.MethodNotAllowed(MfaMethod.Sms);
        }

        var attempt = await _throttle.AttemptAsync(
            user,
            active.Method,
            async () => active.Method == MfaMethod.AuthenticatorApp
                ? await VerifyTotpAsync(active, value, cancellationToken)
                : await _sms.VerifyAsync(user, MfaSmsPurpose.SignIn, active.Id, value, cancellationToken),
            cancellationToken);
        if (!attempt.Succeeded)
        {
            return attempt.Error;
        }

        await _throttle.SucceedAsync(attempt.Value, cancellationToken);
        MfaLog.VerificationSucceeded(_logger, user.UserId, active.Method);
        _metrics.Verification(active.Method, "succeeded");
        var remaining = await _stores.RecoveryCodes.CountRemainingAsync(user.UserId, cancellationToken);
        return MfaResult<MfaVerification>.Success(new MfaVerification(active.Method, remaining));
    }

    /// <summary>
    /// Verifies a recovery code instead of the factor; the code is used up. Case, spaces and hyphens are ignored.
    /// </summary>
    /// <returns>The verification with the codes left, or an error (<see cref="MfaErrorCodes.NoRecoveryCodes"/>,
    /// <see cref="MfaErrorCodes.MalformedCode"/>, <see cref="MfaErrorCodes.InvalidCode"/>, <see cref="MfaErrorCodes.LockedOut"/>).</returns>
    public async Task<MfaResult<MfaVerification>> VerifyRecoveryCodeAsync(string userId, string recoveryCode, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var protectedKey = await _stores.RecoveryCodes.FindProtectedKeyAsync(user.UserId, cancellationToken);
        if (protectedKey is null || await _stores.Factors.FindActiveAsync(user.UserId, cancellationToken) is null)
        {
            return MfaErrors.NoRecoveryCodes();
        }

        // A used-up set is "no recovery codes", as documented, not a wrong guess that counts towards the lock.
        if (await _stores.RecoveryCodes.CountRemainingAsync(user.UserId, cancellationToken) == 0)
        {
            return MfaErrors.NoRecoveryCodes();
        }

        var normalized = RecoveryCodeFormat.Normalize(recoveryCode, _options.Value.RecoveryCodes.Length);
        if (normalized is null)
        {
            return MfaErrors.MalformedRecoveryCode();
        }

        var attempt = await _throttle.AttemptAsync(
            user,
            null,
            async () =>
            {
                var hash = RecoveryCodeHasher.Hash(_protector, protectedKey, normalized);
                return await _stores.RecoveryCodes.TryRedeemAsync(user.UserId, hash, _time.GetUtcNow(), cancellationToken)
                    ? null
                    : MfaErrors.InvalidCode(null);
            },
            cancellationToken);
        if (!attempt.Succeeded)
        {
            return attempt.Error;
        }

        await _throttle.SucceedAsync(attempt.Value, cancellationToken);
        var remaining = await _stores.RecoveryCodes.CountRemainingAsync(user.UserId, cancellationToken);
        MfaLog.RecoveryCodeUsed(_logger, user.UserId, remaining);
        _metrics.Verification(null, "succeeded");
        await _audit.RecordAndPublishAsync(MfaEventTypes.RecoveryCodeUsed, user, cancellationToken, detail: $"{remaining} left");
        return MfaResult<MfaVerification>.Success(new MfaVerification(null, remaining));
    }

    private async ValueTask<MfaError?> VerifyTotpAsync(MfaFactor factor, int code, CancellationToken cancellationToken)
    {
        if (_totp.FindMatchingStep(factor, code) is not { } step)
        {
            return MfaErrors.InvalidCode(null);
        }

        // The replay guard: the store accepts a step only if it is newer than the last one accepted, atomically.
        return await _stores.Factors.TryAcceptTimeStepAsync(factor.Id, step, cancellationToken) ? null : MfaErrors.CodeReplayed(null);
    }

    private async ValueTask<bool> IsSmsUsableAsync(MfaUser user, CancellationToken cancellationToken) =>
        _policy.IsSmsAllowed(await _policy.FindPolicyAsync(user, cancellationToken), ignoreGrace: false);

    private static MfaResult<MfaSignInRequirement> Requirement(MfaSignInStep step, MfaFactor? factor, MfaEnrollmentReason? reason, DateTimeOffset? deadline) =>
        MfaResult<MfaSignInRequirement>.Success(new MfaSignInRequirement
        {
            Step = step,
            Method = factor?.Method,
            MaskedPhoneNumber = factor?.Method == MfaMethod.Sms ? PhoneNumberMasking.MaskOrNull(factor.PhoneNumber) : null,
            Reason = reason,
            EnrollmentDeadline = deadline,
        });
}
