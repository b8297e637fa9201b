using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mfa.Totp;
using OtpNet;

namespace Mfa.Core.Tests.Totp;

/// <summary>Our span-based TOTP against Otp.NET, the reference implementation, on random inputs.</summary>
public sealed class TotpCalculatorPropertyTests
{
    private static readonly Gen<(byte[] Key, long UnixTime, TotpAlgorithm Algorithm, int Digits, int Period)> Cases =
        from keyLength in Gen.Choose(1, 64)
        from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), keyLength)
        from seconds in Gen.Choose(0, int.MaxValue)
        from extra in Gen.Choose(0, 3)
        from algorithm in Gen.Elements(TotpAlgorithm.Sha1, TotpAlgorithm.Sha256, TotpAlgorithm.Sha512)
        from digits in Gen.Choose(6, 8)
        from period in Gen.Elements(15, 30, 60, 90, 300)
        select (key, (long)seconds + (extra * (long)int.MaxValue), algorithm, digits, period);

    [Property(MaxTest = 200)]
    public Property ComputeCode_AnyKeyTimeModeDigitsAndPeriod_EqualsOtpNet() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(c.UnixTime);
            var mode = c.Algorithm switch
            {
                TotpAlgorithm.Sha1 => OtpHashMode.Sha1,
                TotpAlgorithm.Sha256 => OtpHashMode.Sha256,
                _ => OtpHashMode.Sha512,
            };
            var expected = new OtpNet.Totp(c.Key, c.Period, mode, c.Digits).ComputeTotp(time.UtcDateTime);

            var ours = TotpCalculator.ComputeCode(c.Key, TotpCalculator.GetTimeStep(time, c.Period), c.Algorithm, c.Digits);

            return OneTimeCode.Format(ours, c.Digits) == expected;
        });

    [Property(MaxTest = 200)]
    public Property FindMatchingStep_StepWithinWindow_IsFoundAndOutsideIsNot() =>
        Prop.ForAll(
            (from keyLength in Gen.Choose(16, 32)
             from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), keyLength)
             from window in Gen.Choose(0, 2)
             from offset in Gen.Choose(-4, 4)
             select (key, window, offset)).ToArbitrary(),
            c =>
            {
                const long now = 55_000_000;
                var code = TotpCalculator.ComputeCode(c.key, now + c.offset, TotpAlgorithm.Sha1, 6);
                var collides = Enumerable.Range(-c.window, (2 * c.window) + 1)
                    .Any(o => o != c.offset && TotpCalculator.ComputeCode(c.key, now + o, TotpAlgorithm.Sha1, 6) == code);

                var found = TotpCalculator.FindMatchingStep(c.key, code, now, c.window, TotpAlgorithm.Sha1, 6);

                var expectFound = Math.Abs(c.offset) <= c.window;
                return collides || (expectFound ? found == now + c.offset : found is null);
            });
}
