using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Phones;
using Mfa.Secrets;
using Mfa.Stores;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Sms;

/// <summary>
/// The life of SMS codes, provider-neutral: sending limits, generation, keyed hashing, expiry, attempts, single use.
/// A code becomes valid only after the provider accepted the message carrying it.
/// </summary>
internal sealed class SmsCodeSender(
    MfaStores stores,
    IMfaSecretProtector protector,
    ISmsMessageFormatter formatter,
    MfaAuditWriter audit,
    MfaMetrics metrics,
    IOptions<MfaOptions> options,
    TimeProvider time,
    ILogger<SmsCodeSender> logger,
    ISmsSender? sender = null)
{
    private const int HashKeySizeBytes = 32;

    /// <summary>
    /// Starts a new challenge for <paramref name="factor"/> and sends its first code. <paramref name="saveWithChallenge"/>
    /// (e.g. saving the pending factor) runs in the same transaction as saving the challenge, after the provider
    /// accepted the message.
    /// </summary>
    public async ValueTask<MfaResult<SmsCodeSent>> SendNewChallengeAsync(
        MfaUser user,
        MfaFactor factor,
        MfaSmsPurpose purpose,
        Func<CancellationToken, ValueTask>? saveWithChallenge,
        CancellationToken cancellationToken)
    {
        var phone = factor.PhoneNumber ?? throw new InvalidOperationException($"Factor {factor.Id} has no phone number.");
        var sms = options.Value.Sms;
        if (RefuseCountry(phone) is { } countryRefusal)
        {
            return await RefuseAsync(user, countryRefusal, cancellationToken);
        }

        // Starting over must not dodge the cooldown: the previous challenge's last send still counts.
        var now = time.GetUtcNow();
        var previous = await stores.SmsChallenges.FindAsync(user.UserId, purpose, cancellationToken);
        if (previous is not null && previous.LastSentAt + sms.ResendCooldown > now)
        {
            return await RefuseAsync(user, SmsErrors.Cooldown(previous.LastSentAt + sms.ResendCooldown), cancellationToken);
        }

        var key = RandomNumberGenerator.GetBytes(HashKeySizeBytes);
        try
        {
            var delivered = await DeliverAsync(user, phone, key, purpose, cancellationToken);
            if (!delivered.Succeeded)
            {
                return delivered.Error;
            }

            var challenge = new MfaSmsChallenge
            {
                Id = Guid.CreateVersion7().ToString("N"),
                UserId = user.UserId,
                Purpose = purpose,
                FactorId = factor.Id,
                PhoneNumber = phone,
                ProtectedKey = protector.Protect(key),
                CodeHash = delivered.Value.CodeHash,
                CreatedAt = delivered.Value.SentAt,
                LastSentAt = delivered.Value.SentAt,
                ExpiresAt = delivered.Value.SentAt + sms.CodeLifetime,
                SendCount = 1,
            };

            await using (var transaction = await stores.UnitOfWork.BeginTransactionAsync(cancellationToken))
            {
                await stores.SmsChallenges.SaveAsync(challenge, cancellationToken);
                if (saveWithChallenge is not null)
                {
                    await saveWithChallenge(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            return MfaResult<SmsCodeSent>.Success(Sent(challenge));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Sends a new code on the user's existing challenge for <paramref name="factor"/>.</summary>
    public async ValueTask<MfaResult<SmsCodeSent>> ResendAsync(MfaUser user, MfaFactor factor, MfaSmsPurpose purpose, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        var challenge = await stores.SmsChallenges.FindAsync(user.UserId, purpose, cancellationToken);
        if (challenge is null || challenge.FactorId != factor.Id)
        {
            return SmsErrors.NoChallenge();
        }

        var now = time.GetUtcNow();
        if (challenge.LastSentAt + sms.ResendCooldown > now)
        {
            return await RefuseAsync(user, SmsErrors.Cooldown(challenge.LastSentAt + sms.ResendCooldown), cancellationToken);
        }

        if (challenge.SendCount >= sms.MaxSendsPerChallenge)
        {
            // A new challenge can start once this one's last code expired.
            return await RefuseAsync(user, SmsErrors.ChallengeSendLimit(challenge.ExpiresAt), cancellationToken);
        }

        if (RefuseCountry(challenge.PhoneNumber) is { } countryRefusal)
        {
            return await RefuseAsync(user, countryRefusal, cancellationToken);
        }

        var key = Unprotect(challenge);
        try
        {
            var delivered = await DeliverAsync(user, challenge.PhoneNumber, key, purpose, cancellationToken);
            if (!delivered.Succeeded)
            {
                return delivered.Error;
            }

            var sentAt = delivered.Value.SentAt;
            if (!await stores.SmsChallenges.TryReplaceCodeAsync(challenge.Id, challenge.SendCount, delivered.Value.CodeHash, sentAt, sentAt + sms.CodeLifetime, cancellationToken))
            {
                // A concurrent resend won; its code is the valid one.
                return SmsErrors.Cooldown(sentAt + sms.ResendCooldown);
            }

            challenge.LastSentAt = sentAt;
            challenge.ExpiresAt = sentAt + sms.CodeLifetime;
            return MfaResult<SmsCodeSent>.Success(Sent(challenge));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Checks <paramref name="code"/> against the user's challenge for <paramref name="factorId"/> and consumes it on a
    /// match. Returns <see langword="null"/> on success, else the failure. Throttling is the caller's business.
    /// </summary>
    public async ValueTask<MfaError?> VerifyAsync(MfaUser user, MfaSmsPurpose purpose, string factorId, int code, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        var challenge = await stores.SmsChallenges.FindAsync(user.UserId, purpose, cancellationToken);
        if (challenge is null || challenge.FactorId != factorId)
        {
            return SmsErrors.NoChallenge();
        }

        var now = time.GetUtcNow();
        if (challenge.ExpiresAt <= now)
        {
            return SmsErrors.Expired();
        }

        if (challenge.FailedAttempts >= sms.MaxAttemptsPerCode)
        {
            return SmsErrors.AttemptsExhausted();
        }

        var key = Unprotect(challenge);
        byte[] hash;
        try
        {
            hash = HashCode(key, OneTimeCode.Format(code, sms.CodeLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        if (!CryptographicOperations.FixedTimeEquals(hash, challenge.CodeHash))
        {
            var failed = await stores.SmsChallenges.RecordFailedAttemptAsync(challenge.Id, cancellationToken);
            return failed >= sms.MaxAttemptsPerCode ? SmsErrors.AttemptsExhausted() : MfaErrors.InvalidCode(null);
        }

        // The hash matched; consuming is the atomic step that makes the code single use under concurrency.
        return await stores.SmsChallenges.TryConsumeAsync(challenge.Id, hash, now, sms.MaxAttemptsPerCode, cancellationToken)
            ? null
            : MfaErrors.CodeReplayed(null);
    }

    private async ValueTask<MfaResult<Delivery>> DeliverAsync(MfaUser user, string phone, byte[] key, MfaSmsPurpose purpose, CancellationToken cancellationToken)
    {
        var smsSender = sender ?? throw new InvalidOperationException(
            "No ISmsSender is registered. Call services.AddMfa(...).AddTwilioSms(...) (package Mfa.Sms.Twilio), AddDevelopmentSmsOutbox(...) for development, or AddSmsSender<T>().");
        var sms = options.Value.Sms;
        var now = time.GetUtcNow();
        var sendId = Guid.CreateVersion7().ToString("N");
        var quota = await stores.SmsQuota.TryTakeAsync(
            new SmsQuotaRequest(sendId, user.UserId, user.OrganizationId, now, sms.MaxPerUserPerHour, sms.MaxPerOrganizationPerDay),
            cancellationToken);
        if (quota.Decision != SmsQuotaDecision.Granted)
        {
            return await RefuseAsync(user, SmsErrors.Quota(quota), cancellationToken);
        }

        var code = OneTimeCode.Format(RandomNumberGenerator.GetInt32(0, PowerOfTen(sms.CodeLength)), sms.CodeLength);
        var body = formatter.Format(options.Value.Issuer, code, CultureInfo.CurrentUICulture);
        var masked = PhoneNumberMasking.Mask(phone);

        // If this is cancelled mid-send the message may be out, but its code never becomes valid; the quota stays taken.
        SmsSendResult result;
        try
        {
            result = await smsSender.SendAsync(new SmsMessage(phone, body, sms.CodeLifetime), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A sender should report failures as results; one that throws (a provider client's bug, a timeout) must not
            // escape as a 500. The message may have left, so treat it as an unknown outcome: nothing becomes valid and
            // the quota stays taken. Only the exception's type is logged: its message may hold the phone number.
            MfaLog.SmsSenderThrew(logger, user.UserId, masked, ex.GetType().Name);
            result = SmsSendResult.Failed(SmsSendStatus.UnknownOutcome);
        }

        if (!result.IsAccepted)
        {
            // Release the quota only where the provider certainly sent nothing.
            if (result.Status != SmsSendStatus.UnknownOutcome)
            {
                await stores.SmsQuota.ReleaseAsync(sendId, CancellationToken.None);
            }

            MfaLog.SmsFailed(logger, user.UserId, masked, result.Status.ToString(), result.ProviderErrorCode);
            metrics.SmsSend(result.Status.ToString());
            var error = SmsErrors.Delivery(result, time.GetUtcNow());
            await audit.RecordAndPublishAsync(MfaEventTypes.SmsFailed, user, cancellationToken, MfaMethod.Sms, $"{error.Code} to {masked}");
            return error;
        }

        MfaLog.SmsSent(logger, user.UserId, masked, purpose.ToString());
        metrics.SmsSend("accepted");
        await audit.RecordAndPublishAsync(MfaEventTypes.SmsSent, user, cancellationToken, MfaMethod.Sms, $"{purpose.ToString().ToLowerInvariant()} to {masked}");
        return MfaResult<Delivery>.Success(new Delivery(HashCode(key, code), now));
    }

    private MfaError? RefuseCountry(string phone)
    {
        var allowed = options.Value.Sms.AllowedCountries;
        if (allowed.Count == 0)
        {
            return null;
        }

        var region = PhoneNumberRegions.Of(phone);
        return region is not null && allowed.Contains(region, StringComparer.OrdinalIgnoreCase) ? null : SmsErrors.CountryNotAllowed();
    }

    private async ValueTask<MfaError> RefuseAsync(MfaUser user, MfaError error, CancellationToken cancellationToken)
    {
        MfaLog.SmsRefused(logger, user.UserId, error.Code);
        metrics.SmsSend(error.Code);
        await audit.RecordAndPublishAsync(MfaEventTypes.SmsRefused, user, cancellationToken, MfaMethod.Sms, error.Code);
        return error;
    }

    private byte[] Unprotect(MfaSmsChallenge challenge)
    {
        try
        {
            return protector.Unprotect(challenge.ProtectedKey);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"The key of SMS challenge {challenge.Id} cannot be decrypted. Check the Data Protection key ring (or your IMfaSecretProtector).", ex);
        }
    }

    private SmsCodeSent Sent(MfaSmsChallenge challenge) => new(
        PhoneNumberMasking.Mask(challenge.PhoneNumber),
        challenge.ExpiresAt,
        challenge.LastSentAt + options.Value.Sms.ResendCooldown);

    private static byte[] HashCode(byte[] key, string code) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(code));

    private static int PowerOfTen(int digits)
    {
        var result = 1;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }

    private sealed record Delivery(byte[] CodeHash, DateTimeOffset SentAt);
}
