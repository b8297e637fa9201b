using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mfa.Core.Tests.TestSupport;
using Mfa.Totp;

namespace Mfa.Core.Tests.SignIn;

/// <summary>The replay guard and the window, on random sequences through the engine.</summary>
public sealed class VerifyTotpPropertyTests
{
    /// <summary>One step of a scenario: submit the code of (now + offset steps), or let time pass.</summary>
    public sealed record Attempt(int StepOffset, int AdvanceSeconds)
    {
        public override string ToString() => AdvanceSeconds > 0 ? $"wait {AdvanceSeconds}s" : $"code(now{StepOffset:+0;-0;+0})";
    }

    private static readonly Gen<Attempt> Attempts = Gen.Frequency(
        (4, Gen.Choose(-3, 3).Select(offset => new Attempt(offset, 0))),
        (2, Gen.Choose(1, 75).Select(seconds => new Attempt(0, seconds))));

    [Property(MaxTest = 100)]
    public Property Verify_AnySequenceOfAttempts_AcceptsEachStepAtMostOnceAndNeverAnOlderOne() =>
        Prop.ForAll(Gen.ListOf(Attempts).Select(l => l.Take(15).ToArray()).ToArbitrary(), async attempts =>
        {
            // Lenient throttling so the sequence exercises the replay guard rather than the lock.
            await using var host = MfaTestHost.Create(o => o.Throttling.FreeAttempts = o.Throttling.MaxFailedAttempts = 100);
            var (secret, _) = await host.FastEnrollAsync();
            var lastAccepted = TotpCalculator.GetTimeStep(host.Time.GetUtcNow(), 30);
            var accepted = new HashSet<long> { lastAccepted };
            var ct = TestContext.Current.CancellationToken;

            foreach (var attempt in attempts)
            {
                if (attempt.AdvanceSeconds > 0)
                {
                    host.Time.Advance(TimeSpan.FromSeconds(attempt.AdvanceSeconds));
                    continue;
                }

                var step = TotpCalculator.GetTimeStep(host.Time.GetUtcNow(), 30) + attempt.StepOffset;
                var result = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, attempt.StepOffset), ct);
                var inWindow = Math.Abs(attempt.StepOffset) <= 1;
                var acceptable = inWindow && step > lastAccepted;
                if (result.Succeeded)
                {
                    // Codes of two steps may coincide (1 in 10^6): then the newest matching step is the one accepted.
                    if (!acceptable || !accepted.Add(step))
                    {
                        return false;
                    }

                    lastAccepted = step;
                }
                else if (acceptable)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 100)]
    public Property Verify_CodeOutsideConfiguredWindow_IsRejectedAndInsideAccepted() =>
        Prop.ForAll(
            (from window in Gen.Choose(0, 2)
             from offset in Gen.Choose(-4, 4)
             select (window, offset)).ToArbitrary(),
            async c =>
            {
                await using var host = MfaTestHost.Create(o => o.Totp.Window = c.window);
                var (secret, _) = await host.FastEnrollAsync();
                host.AdvanceSteps(10);
                var code = host.CodeAt(secret, c.offset);
                var coincides = Enumerable.Range(-c.window, (2 * c.window) + 1).Any(o => o != c.offset && host.CodeAt(secret, o) == code);

                var result = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, TestContext.Current.CancellationToken);

                return coincides || result.Succeeded == (Math.Abs(c.offset) <= c.window);
            });
}
