using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mfa.Core.Tests.TestSupport;
using Mfa.RecoveryCodes;

namespace Mfa.Core.Tests.RecoveryCodes;

public sealed class RecoveryCodePropertyTests
{
    /// <summary>An index into the issued set, or -1 for a well-formed code that is not in it.</summary>
    private static readonly Gen<int[]> Redemptions =
        Gen.ListOf(Gen.Frequency((3, Gen.Choose(0, 9)), (1, Gen.Constant(-1)))).Select(l => l.Take(20).ToArray());

    [Property(MaxTest = 100)]
    public Property VerifyRecoveryCode_AnyOrderOfRedemptions_EachCodeWorksExactlyOnce() =>
        Prop.ForAll(Redemptions.ToArbitrary(), async redemptions =>
        {
            await using var host = MfaTestHost.Create(o => o.Throttling.FreeAttempts = o.Throttling.MaxFailedAttempts = 100);
            var (_, codes) = await host.FastEnrollAsync();
            var used = new HashSet<int>();
            var ct = TestContext.Current.CancellationToken;

            foreach (var index in redemptions)
            {
                var code = index >= 0 ? codes[index] : RecoveryCodeFormat.Generate(10);
                var result = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, code, ct);
                var expected = index >= 0 && used.Add(index);
                if (result.Succeeded != expected || (result.Succeeded && result.Value.RemainingRecoveryCodes != 10 - used.Count))
                {
                    return false;
                }
            }

            return (await host.RecoveryCodes.GetRemainingCountAsync(MfaTestHost.UserId, ct)).Value == 10 - used.Count;
        });
}
