using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mfa.Core.Tests.TestSupport;

namespace Mfa.Core.Tests.Throttling;

public sealed class ThrottlingPropertyTests
{
    /// <summary>Throttling settings within the validated ranges.</summary>
    public sealed record Settings(int Max, int Free, int BackoffSeconds, int LockoutSeconds);

    /// <summary>A wrong TOTP code, a wrong recovery code, or a wait.</summary>
    public sealed record Action(int Kind, int Seconds);

    private static readonly Gen<Settings> SettingsGen =
        from max in Gen.Choose(1, 10)
        from free in Gen.Choose(0, max)
        from backoff in Gen.Choose(0, 5)
        from lockout in Gen.Choose(1, 1200)
        select new Settings(max, free, backoff, lockout);

    private static readonly Gen<Action> StepGen = Gen.Frequency(
        (5, Gen.Constant(new Action(0, 0))),
        (2, Gen.Constant(new Action(1, 0))),
        (2, Gen.Choose(1, 60).Select(s => new Action(2, s))),
        (1, Gen.Choose(60, 1500).Select(s => new Action(2, s))));

    [Property(MaxTest = 100)]
    public Property Failures_InAnyLockoutDurationWindow_NeverExceedMaxFailedAttempts() =>
        Prop.ForAll(
            (from settings in SettingsGen
             from steps in Gen.ListOf(StepGen).Select(l => l.Take(40).ToArray())
             select (settings, steps)).ToArbitrary(),
            async c =>
            {
                var (settings, steps) = c;
                await using var host = MfaTestHost.Create(o =>
                {
                    o.Throttling.MaxFailedAttempts = settings.Max;
                    o.Throttling.FreeAttempts = settings.Free;
                    o.Throttling.BackoffBase = TimeSpan.FromSeconds(settings.BackoffSeconds);
                    o.Throttling.LockoutDuration = TimeSpan.FromSeconds(settings.LockoutSeconds);
                });
                var (secret, _) = await host.FastEnrollAsync();
                var failures = new List<DateTimeOffset>();
                var ct = TestContext.Current.CancellationToken;

                foreach (var step in steps)
                {
                    if (step.Kind == 2)
                    {
                        host.Time.Advance(TimeSpan.FromSeconds(step.Seconds));
                        continue;
                    }

                    var result = step.Kind == 0
                        ? await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.WrongCode(secret), ct)
                        : await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, "zzzzz-zzzzz", ct);
                    if (result.Succeeded)
                    {
                        return false;
                    }

                    if (result.Error.Code == MfaErrorCodes.InvalidCode)
                    {
                        failures.Add(host.Time.GetUtcNow());
                    }
                    else if (result.Error.Code != MfaErrorCodes.LockedOut || result.Error.RetryAfter <= host.Time.GetUtcNow())
                    {
                        return false;
                    }
                }

                var duration = TimeSpan.FromSeconds(settings.LockoutSeconds);
                return failures.All(start => failures.Count(t => t >= start && t < start + duration) <= settings.Max);
            });
}
