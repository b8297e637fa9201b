using Mfa.Core.Tests.TestSupport;
using Mfa.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Core.Tests.SignIn;

/// <summary>Many requests at once on the in-memory stores, each in its own DI scope as web requests would be.</summary>
public sealed class ConcurrentVerificationTests
{
    private const int Parallelism = 48;

    private static async Task<MfaResult<MfaVerification>[]> InParallelAsync(MfaTestHost host, Func<MfaSignInService, Task<MfaResult<MfaVerification>>> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Parallelism).Select(_ => Task.Run(async () =>
        {
            using var scope = host.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<MfaSignInService>();
            start.Wait(TestContext.Current.CancellationToken);
            return await call(service);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Verify_SameValidCodeInParallel_SucceedsExactlyOnce()
    {
        await using var host = MfaTestHost.Create();
        var (secret, _) = await host.EnrollAsync();
        host.AdvanceSteps(1);
        var code = host.CodeAt(secret);

        var results = await InParallelAsync(host, s => s.VerifyAsync(MfaTestHost.UserId, code, TestContext.Current.CancellationToken));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Error!.Code, new[] { MfaErrorCodes.CodeReplayed, MfaErrorCodes.LockedOut }));
    }

    [Fact]
    public async Task VerifyRecoveryCode_SameCodeInParallel_SucceedsExactlyOnce()
    {
        await using var host = MfaTestHost.Create();
        var (_, codes) = await host.EnrollAsync();

        var results = await InParallelAsync(host, s => s.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[0], TestContext.Current.CancellationToken));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(9, (await host.RecoveryCodes.GetRemainingCountAsync(MfaTestHost.UserId, TestContext.Current.CancellationToken)).Value);
    }

    [Theory]
    [InlineData(10, 10, 0)] // no backoff: the hard lock alone must hold at 10
    [InlineData(3, 10, 1)] // defaults: 3 free, then a 1 s backoff stops the burst after the 4th
    public async Task Verify_ParallelWrongGuesses_NeverEvaluateMoreThanAllowedPerLockPeriod(int free, int max, int backoffSeconds)
    {
        CountingSecretProtector? counting = null;
        await using var host = MfaTestHost.Create(
            o =>
            {
                o.Throttling.FreeAttempts = free;
                o.Throttling.MaxFailedAttempts = max;
                o.Throttling.BackoffBase = TimeSpan.FromSeconds(backoffSeconds);
            },
            s => s.AddSingleton<Mfa.Secrets.IMfaSecretProtector>(sp => counting = new CountingSecretProtector(sp.GetRequiredService<IDataProtectionProvider>())));
        var (secret, _) = await host.EnrollAsync();
        host.AdvanceSteps(5);
        var wrong = host.WrongCode(secret);
        var allowedInBurst = backoffSeconds == 0 ? max : free + 1;

        for (var period = 0; period < 2; period++)
        {
            counting!.Reset();

            var results = await InParallelAsync(host, s => s.VerifyAsync(MfaTestHost.UserId, wrong, TestContext.Current.CancellationToken));

            var evaluated = results.Count(r => r.Error!.Code == MfaErrorCodes.InvalidCode);
            Assert.InRange(evaluated, 1, allowedInBurst);
            Assert.Equal(evaluated, counting.Unprotects);
            Assert.All(results, r => Assert.Contains(r.Error!.Code, new[] { MfaErrorCodes.InvalidCode, MfaErrorCodes.LockedOut }));
            host.Time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public async Task Verify_ParallelWrongGuessesWithoutBackoff_ReachTheHardLockExactly()
    {
        await using var host = MfaTestHost.Create(o => (o.Throttling.FreeAttempts, o.Throttling.BackoffBase) = (10, TimeSpan.Zero));
        var (secret, _) = await host.EnrollAsync();
        host.AdvanceSteps(5);
        var wrong = host.WrongCode(secret);

        // Keep bursting until the lock holds: lost races may refuse a request early, but never let one more through.
        var evaluated = 0;
        for (var burst = 0; burst < 10 && evaluated < 10; burst++)
        {
            var results = await InParallelAsync(host, s => s.VerifyAsync(MfaTestHost.UserId, wrong, TestContext.Current.CancellationToken));
            evaluated += results.Count(r => r.Error!.Code == MfaErrorCodes.InvalidCode);
        }

        var state = await host.Store.GetAsync(MfaTestHost.UserId, TestContext.Current.CancellationToken);
        Assert.Equal(10, evaluated);
        Assert.Equal(10, state.FailedCount);
    }
}
