using System.Security.Cryptography;
using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Reset;
using Mfa.Secrets;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Throttling;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Enrollment;

/// <summary>
/// Enrols second factors: begin (authenticator app or SMS), then activate with a code. A begun enrolment stays
/// pending until activated or expired; the user's current factor stays in force until the new one is activated.
/// </summary>
public sealed class MfaEnrollmentService
{
    private readonly MfaStores _stores;
    private readonly MfaUserResolver _users;
    private readonly IMfaSecretProtector _protector;
    private readonly TotpCodeChecker _totp;
    private readonly SmsCodeSender _sms;
    private readonly AttemptThrottle _throttle;
    private readonly RecoveryCodeIssuer _recoveryCodes;
    private readonly MfaPolicyEvaluator _policy;
    private readonly MfaAuditWriter _audit;
    private readonly MfaMetrics _metrics;
    private readonly IOptions<MfaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MfaEnrollmentService(
        MfaStores stores,
        MfaUserResolver users,
        IMfaSecretProtector protector,
        TotpCodeChecker totp,
        SmsCodeSender sms,
        AttemptThrottle throttle,
        RecoveryCodeIssuer recoveryCodes,
        MfaPolicyEvaluator policy,
        MfaAuditWriter audit,
        MfaMetrics metrics,
        IOptions<MfaOptions> options,
        TimeProvider time,
        ILogger<MfaEnrollmentService> logger)
    {
        _stores = stores;
        _users = users;
        _protector = protector;
        _totp = totp;
        _sms = sms;
        _throttle = throttle;
        _recoveryCodes = recoveryCodes;
        _policy = policy;
        _audit = audit;
        _metrics = metrics;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Begins enrolling an authenticator app: a new 160-bit (by default) secret, its otpauth URI, QR code and manual
    /// key. Replaces any earlier pending enrolment; the active factor, if any, keeps working until activation.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="phoneNumber">An optional mobile number to keep on the factor (required when
    /// <see cref="EnrollmentOptions.RequirePhoneNumberForAuthenticatorApp"/> is set).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to show the user, or an error (<see cref="MfaErrorCodes.UserNotFound"/>, phone number errors).</returns>
    public async Task<MfaResult<AuthenticatorEnrollment>> BeginAuthenticatorAppAsync(string userId, PhoneNumberInput? phoneNumber = null, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var options = _options.Value;
        string? e164 = null;
        if (phoneNumber is not null)
        {
            var parsed = PhoneNumberParser.Parse(phoneNumber);
            if (!parsed.Succeeded)
            {
                return parsed.Error;
            }

            e164 = parsed.Value.E164;
        }
        else if (options.Enrollment.RequirePhoneNumberForAuthenticatorApp)
        {
            return MfaErrors.PhoneNumberRequired();
        }

        var totp = options.Totp;
        var now = _time.GetUtcNow();
        var secret = RandomNumberGenerator.GetBytes(totp.SecretSizeBytes);
        try
        {
            var factor = new MfaFactor
            {
                Id = NewId(),
                UserId = user.UserId,
                Method = MfaMethod.AuthenticatorApp,
                Status = MfaFactorStatus.Pending,
                ProtectedSecret = _protector.Protect(secret),
                Algorithm = totp.Algorithm,
                Digits = totp.Digits,
                PeriodSeconds = totp.PeriodSeconds,
                PhoneNumber = e164,
                CreatedAt = now,
                ExpiresAt = now + options.Enrollment.PendingLifetime,
            };

            var uri = OtpAuthUri.Create(secret, options.Issuer, user.AccountName, totp.Algorithm, totp.Digits, totp.PeriodSeconds);
            var (png, svg) = QrCodeRenderer.Render(uri);
            var enrollment = new AuthenticatorEnrollment(options.Issuer, user.AccountName, uri, OtpAuthUri.ToManualEntryKey(secret), png, svg, factor.ExpiresAt.Value);

            await _stores.Factors.SavePendingAsync(factor, cancellationToken);
            await RecordStartedAsync(user, MfaMethod.AuthenticatorApp, cancellationToken);
            return MfaResult<AuthenticatorEnrollment>.Success(enrollment);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// Begins enrolling a mobile phone: validates the number, checks that SMS is allowed for the user, and sends a code.
    /// If sending fails nothing is kept: no pending enrolment, no valid code, the current factor untouched.
    /// </summary>
    /// <returns>Where the code went (masked) and until when it is valid, or an error (phone number, policy, sending limits, delivery).</returns>
    public async Task<MfaResult<SmsCodeSent>> BeginSmsAsync(string userId, PhoneNumberInput phoneNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        if (!await _policy.IsSmsAllowedAsync(user, cancellationToken))
        {
            return MfaErrors.MethodNotAllowed(MfaMethod.Sms);
        }

        var parsed = PhoneNumberParser.Parse(phoneNumber);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var now = _time.GetUtcNow();
        var factor = new MfaFactor
        {
            Id = NewId(),
            UserId = user.UserId,
            Method = MfaMethod.Sms,
            Status = MfaFactorStatus.Pending,
            PhoneNumber = parsed.Value.E164,
            CreatedAt = now,
            ExpiresAt = now + _options.Value.Enrollment.PendingLifetime,
        };

        // Send first: the pending factor is saved (with the challenge) only once the provider accepted the code, so a
        // failed send leaves nothing behind.
        var sent = await _sms.SendNewChallengeAsync(user, factor, MfaSmsPurpose.Enrollment, ct => _stores.Factors.SavePendingAsync(factor, ct), cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Error;
        }

        await RecordStartedAsync(user, MfaMethod.Sms, cancellationToken);
        return sent;
    }

    /// <summary>Sends a new code for the pending SMS enrolment (subject to the resend cooldown and sending limits).</summary>
    public async Task<MfaResult<SmsCodeSent>> ResendSmsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var pending = await _stores.Factors.FindPendingAsync(found.Value.UserId, cancellationToken);
        if (pending is not { Method: MfaMethod.Sms })
        {
            return MfaErrors.NoPendingEnrollment();
        }

        if (pending.ExpiresAt <= _time.GetUtcNow())
        {
            return MfaErrors.EnrollmentExpired();
        }

        return await _sms.ResendAsync(found.Value, pending, MfaSmsPurpose.Enrollment, cancellationToken);
    }

    /// <summary>
    /// Activates the pending enrolment with a code from the app or the SMS. On success the new factor replaces the old
    /// one, a new set of recovery codes is issued (shown once), and any reset marker is cleared, all in one transaction.
    /// Wrong codes count towards the user's throttling.
    /// </summary>
    /// <returns>The activation with recovery codes, or an error (<see cref="MfaErrorCodes.NoPendingEnrollment"/>,
    /// <see cref="MfaErrorCodes.EnrollmentExpired"/>, <see cref="MfaErrorCodes.MalformedCode"/>,
    /// <see cref="MfaErrorCodes.InvalidCode"/>, <see cref="MfaErrorCodes.LockedOut"/>, …).</returns>
    public async Task<MfaResult<EnrollmentActivation>> ActivateAsync(string userId, string code, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        var pending = await _stores.Factors.FindPendingAsync(user.UserId, cancellationToken);
        if (pending is null)
        {
            return MfaErrors.NoPendingEnrollment();
        }

        if (pending.ExpiresAt <= _time.GetUtcNow())
        {
            await _stores.Factors.DeletePendingAsync(user.UserId, cancellationToken);
            return MfaErrors.EnrollmentExpired();
        }

        var digits = pending.Method == MfaMethod.Sms ? _options.Value.Sms.CodeLength : pending.Digits;
        if (!OneTimeCode.TryParse(code, digits, out var value))
        {
            return MfaErrors.MalformedCode(digits);
        }

        if (pending.Method == MfaMethod.Sms && !await _policy.IsSmsAllowedAsync(user, cancellationToken))
        {
            return MfaErrors.MethodNotAllowed(MfaMethod.Sms);
        }

        long? acceptedStep = null;
        var attempt = await _throttle.AttemptAsync(
            user,
            pending.Method,
            async () =>
            {
                if (pending.Method == MfaMethod.Sms)
                {
                    return await _sms.VerifyAsync(user, MfaSmsPurpose.Enrollment, pending.Id, value, cancellationToken);
                }

                acceptedStep = _totp.FindMatchingStep(pending, value);
                return acceptedStep is null ? MfaErrors.InvalidCode(null) : null;
            },
            cancellationToken);
        if (!attempt.Succeeded)
        {
            return attempt.Error;
        }

        var now = _time.GetUtcNow();
        IReadOnlyList<string> codes;
        MfaEvent activated;
        await using (var transaction = await _stores.UnitOfWork.BeginTransactionAsync(cancellationToken))
        {
            if (!await _stores.Factors.ActivateAsync(user.UserId, pending.Id, now, acceptedStep, cancellationToken))
            {
                return MfaErrors.NoPendingEnrollment();
            }

            codes = await _recoveryCodes.IssueAsync(user.UserId, now, cancellationToken);
            await _stores.ResetMarkers.DeleteAsync(user.UserId, cancellationToken);
            await _throttle.SucceedAsync(attempt.Value, cancellationToken);
            activated = await _audit.RecordAsync(MfaEventTypes.EnrollmentActivated, user, cancellationToken, pending.Method, PhoneNumberMasking.MaskOrNull(pending.PhoneNumber));
            await transaction.CommitAsync(cancellationToken);
        }

        MfaLog.EnrollmentActivated(_logger, user.UserId, pending.Method);
        _metrics.Enrollment(pending.Method, "activated");
        await _audit.PublishAsync(activated, cancellationToken);
        return MfaResult<EnrollmentActivation>.Success(new EnrollmentActivation(pending.Method, new RecoveryCodeSet(codes)));
    }

    /// <summary>
    /// Turns the user's MFA off: deletes their factors (active and pending), recovery codes and SMS codes. Refused with
    /// <see cref="MfaErrorCodes.RequiredByOrganization"/> while their organization requires MFA.
    /// </summary>
    public async Task<MfaResult> DisableAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return MfaResult.Failure(found.Error);
        }

        var user = found.Value;
        if (await _policy.FindPolicyAsync(user, cancellationToken) is { RequireMfa: true })
        {
            return MfaResult.Failure(MfaErrors.RequiredByOrganization());
        }

        MfaEvent removed;
        await using (var transaction = await _stores.UnitOfWork.BeginTransactionAsync(cancellationToken))
        {
            if (await UserMfaData.RemoveAsync(_stores, user.UserId, cancellationToken) == 0)
            {
                return MfaResult.Failure(MfaErrors.NotEnrolled());
            }

            // The reset marker stays: after a reset only activating a factor lifts the enrolment requirement; a user
            // who began enrolling and then disabled must not slip past it.
            removed = await _audit.RecordAsync(MfaEventTypes.FactorRemoved, user, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        MfaLog.FactorsRemoved(_logger, user.UserId, "disabled", user.UserId);
        await _audit.PublishAsync(removed, cancellationToken);
        return MfaResult.Success();
    }

    /// <summary>The user's MFA state: active factor, pending enrolment, recovery codes left.</summary>
    public async Task<MfaResult<MfaStatus>> GetStatusAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var id = found.Value.UserId;
        var active = await _stores.Factors.FindActiveAsync(id, cancellationToken);
        var pending = await _stores.Factors.FindPendingAsync(id, cancellationToken);
        return MfaResult<MfaStatus>.Success(new MfaStatus
        {
            ActiveMethod = active?.Method,
            MaskedPhoneNumber = PhoneNumberMasking.MaskOrNull(active?.PhoneNumber),
            ActivatedAt = active?.ActivatedAt,
            PendingMethod = pending is not null && pending.ExpiresAt > _time.GetUtcNow() ? pending.Method : null,
            RemainingRecoveryCodes = active is null ? 0 : await _stores.RecoveryCodes.CountRemainingAsync(id, cancellationToken),
        });
    }

    private async ValueTask RecordStartedAsync(MfaUser user, MfaMethod method, CancellationToken cancellationToken)
    {
        MfaLog.EnrollmentStarted(_logger, user.UserId, method);
        _metrics.Enrollment(method, "started");
        await _audit.RecordAndPublishAsync(MfaEventTypes.EnrollmentStarted, user, cancellationToken, method);
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
