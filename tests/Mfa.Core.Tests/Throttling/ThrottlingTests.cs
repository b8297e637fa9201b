using Mfa.Audit;
using Mfa.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace Mfa.Core.Tests.Throttling;

public sealed class ThrottlingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MfaTestHost Host, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolledAsync(Action<MfaOptions>? configure = null)
    {
        var host = MfaTestHost.Create(configure);
        var (secret, codes) = await host.EnrollAsync();
        host.AdvanceSteps(5);
        return (host, secret, codes);
    }

    private static Task<MfaResult<Mfa.SignIn.MfaVerification>> FailAsync(MfaTestHost host, byte[] secret) =>
        host.SignIn.VerifyAsync(MfaTestHost.UserId, host.WrongCode(secret), Ct);

    /// <summary>Fails <paramref name="count"/> times, waiting out each backoff, as a patient attacker would.</summary>
    private static async Task<MfaError> FailPatientlyAsync(MfaTestHost host, byte[] secret, int count)
    {
        MfaError last = null!;
        for (var i = 0; i < count; i++)
        {
            last = (await FailAsync(host, secret)).Error!;
            Assert.Equal(MfaErrorCodes.InvalidCode, last.Code);
            if (i < count - 1 && last.RetryAfter is { } retry)
            {
                host.Time.SetUtcNow(retry);
            }
        }

        return last;
    }

    [Fact]
    public async Task Verify_FreeAttempts_HaveNoRetryAfter()
    {
        var (host, secret, _) = await EnrolledAsync();
        await using var _ = host;

        var errors = new List<MfaError>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add((await FailAsync(host, secret)).Error!);
        }

        Assert.All(errors, e => Assert.Null(e.RetryAfter));
    }

    [Fact]
    public async Task Verify_FailureAfterFreeAttempts_ReportsBackoffAndRefusesUntilThen()
    {
        var (host, secret, _) = await EnrolledAsync();
        await using var _ = host;
        await FailPatientlyAsync(host, secret, 3);

        var fourth = (await FailAsync(host, secret)).Error!;
        var tooSoon = (await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct)).Error!;
        host.Time.SetUtcNow(fourth.RetryAfter!.Value);
        var fifth = (await FailAsync(host, secret)).Error!;

        var now = fourth.RetryAfter.Value - TimeSpan.FromSeconds(1);
        Assert.Equal(MfaErrorCodes.InvalidCode, fourth.Code);
        Assert.Equal(now + TimeSpan.FromSeconds(1), fourth.RetryAfter);
        Assert.Equal(MfaErrorCodes.LockedOut, tooSoon.Code);
        Assert.Equal(fourth.RetryAfter, tooSoon.RetryAfter);
        Assert.Equal(MfaErrorCodes.InvalidCode, fifth.Code);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromSeconds(2), fifth.RetryAfter);
    }

    [Fact]
    public async Task Verify_TenthFailure_LocksForFifteenMinutesEvenForAValidCode()
    {
        var (host, secret, codes) = await EnrolledAsync();
        await using var _ = host;

        var tenth = await FailPatientlyAsync(host, secret, 10);
        var lockEnd = host.Time.GetUtcNow() + TimeSpan.FromMinutes(15);
        host.Time.Advance(TimeSpan.FromMinutes(14));
        var validDuringLock = (await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct)).Error!;
        var recoveryDuringLock = (await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[0], Ct)).Error!;
        host.Time.SetUtcNow(lockEnd);
        var afterLock = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.Equal(lockEnd, tenth.RetryAfter);
        Assert.Equal(MfaErrorCodes.LockedOut, validDuringLock.Code);
        Assert.Equal(lockEnd, validDuringLock.RetryAfter);
        Assert.Equal(MfaErrorCodes.LockedOut, recoveryDuringLock.Code);
        Assert.Equal(lockEnd, recoveryDuringLock.RetryAfter);
        Assert.True(afterLock.Succeeded);
    }

    [Fact]
    public async Task Verify_LockedOut_AttemptsDuringLockAreNotEvaluatedOrCounted()
    {
        var counting = default(CountingSecretProtector);
        await using var host = MfaTestHost.Create(services: s => s.AddSingleton<Mfa.Secrets.IMfaSecretProtector>(
            sp => counting = new CountingSecretProtector(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>())));
        var (secret, _) = await host.EnrollAsync();
        host.AdvanceSteps(5);
        await FailPatientlyAsync(host, secret, 10);
        counting!.Reset();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(MfaErrorCodes.LockedOut, (await FailAsync(host, secret)).Error!.Code);
        }

        Assert.Equal(0, counting.Unprotects);
        Assert.Equal(10, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
    }

    [Fact]
    public async Task Verify_FailuresDoNotExpireWithTime_OnlySuccessResetsTheCounter()
    {
        var (host, secret, _) = await EnrolledAsync();
        await using var _ = host;
        await FailPatientlyAsync(host, secret, 3);
        host.Time.Advance(TimeSpan.FromDays(3));

        var afterWaiting = (await FailAsync(host, secret)).Error!;
        host.Time.SetUtcNow(afterWaiting.RetryAfter!.Value);
        var success = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);
        var afterSuccess = (await FailAsync(host, secret)).Error!;

        Assert.NotNull(afterWaiting.RetryAfter);
        Assert.True(success.Succeeded);
        Assert.Null(afterSuccess.RetryAfter);
        Assert.Equal(1, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
    }

    [Fact]
    public async Task RecoveryCodeFailures_CountTowardsTheSameLock()
    {
        var (host, secret, _) = await EnrolledAsync(o => o.Throttling.BackoffBase = TimeSpan.Zero);
        await using var _ = host;

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(MfaErrorCodes.InvalidCode, (await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, "aaaaa-aaaaa", Ct)).Error!.Code);
        }

        var tenth = (await FailAsync(host, secret)).Error!;
        var valid = (await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct)).Error!;

        Assert.Equal(MfaErrorCodes.InvalidCode, tenth.Code);
        Assert.Equal(MfaErrorCodes.LockedOut, valid.Code);
    }

    [Fact]
    public async Task Activation_WhileLocked_IsLockedOutAndActivationFailuresCount()
    {
        var (host, secret, _) = await EnrolledAsync(o => o.Throttling.BackoffBase = TimeSpan.Zero);
        await using var _ = host;
        var (_, newSecret) = await host.BeginAsync();

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(MfaErrorCodes.InvalidCode, (await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.WrongCode(newSecret), Ct)).Error!.Code);
        }

        await FailAsync(host, secret);
        var activation = (await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(newSecret), Ct)).Error!;

        Assert.Equal(MfaErrorCodes.LockedOut, activation.Code);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(15), activation.RetryAfter);
        Assert.NotNull(await host.Store.FindPendingAsync(MfaTestHost.UserId, Ct));
    }

    [Fact]
    public async Task Lockout_WritesAnAuditRecordAndCountsAMetric()
    {
        var (host, secret, _) = await EnrolledAsync();
        await using var _ = host;
        using var lockouts = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), "Mfa", "mfa.lockouts");

        await FailPatientlyAsync(host, secret, 10);

        var records = await host.Store.ListAsync("org-1", 0, 100, Ct);
        var lockout = Assert.Single(records, r => r.EventType == MfaEventTypes.LockedOut);
        Assert.Equal(MfaTestHost.UserId, lockout.UserId);
        Assert.Equal(MfaMethod.AuthenticatorApp, lockout.Method);
        Assert.Equal(10, records.Count(r => r.EventType == MfaEventTypes.VerificationFailed));
        Assert.Equal(1, lockouts.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
