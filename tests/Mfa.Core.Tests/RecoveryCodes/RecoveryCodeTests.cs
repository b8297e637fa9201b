using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Tests.TestSupport;
using Mfa.RecoveryCodes;
using Mfa.Secrets;
using Mfa.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.RecoveryCodes;

public sealed class RecoveryCodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Bare(string code) => code.Replace("-", "", StringComparison.Ordinal);

    [Fact]
    public async Task Issue_StoresOnlyKeyedHashesUnderAProtectedKey()
    {
        RecordingRecoveryCodeStore? recorder = null;
        await using var host = MfaTestHost.Create(services: s => s.Replace(ServiceDescriptor.Singleton<IMfaRecoveryCodeStore>(
            sp => recorder = new RecordingRecoveryCodeStore(sp.GetRequiredService<InMemoryMfaStore>()))));

        var (_, codes) = await host.EnrollAsync();

        var (protectedKey, hashes) = Assert.Single(recorder!.Replacements);
        var key = host.Services.GetRequiredService<IMfaSecretProtector>().Unprotect(protectedKey);
        Assert.Equal(32, key.Length);
        Assert.False(protectedKey.AsSpan().IndexOf(key) >= 0, "The stored key must be encrypted.");
        Assert.Equal(codes.Count, hashes.Count);
        foreach (var code in codes)
        {
            foreach (var plain in new[] { code, Bare(code), code.ToUpperInvariant(), Bare(code).ToUpperInvariant() })
            {
                var bytes = Encoding.UTF8.GetBytes(plain);
                var unkeyed = SHA256.HashData(bytes);
                Assert.All(hashes, h => Assert.False(h.AsSpan().IndexOf(bytes) >= 0, "A plain code was stored."));
                Assert.All(hashes, h => Assert.NotEqual(unkeyed, h));
                Assert.DoesNotContain(unkeyed, hashes);
                Assert.False(protectedKey.AsSpan().IndexOf(bytes) >= 0);
            }

            Assert.Contains(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Bare(code))), hashes);
        }
    }

    [Fact]
    public async Task VerifyRecoveryCode_UsedOnce_IsRejectedTheSecondTime()
    {
        await using var host = MfaTestHost.Create();
        var (_, codes) = await host.EnrollAsync();

        var first = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[3], Ct);
        var second = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[3], Ct);

        Assert.True(first.Succeeded);
        Assert.True(first.Value.UsedRecoveryCode);
        Assert.Null(first.Value.Method);
        Assert.Equal(9, first.Value.RemainingRecoveryCodes);
        Assert.Equal(MfaErrorCodes.InvalidCode, second.Error!.Code);
    }

    [Fact]
    public async Task VerifyRecoveryCode_EachUse_DecreasesRemainingCount()
    {
        await using var host = MfaTestHost.Create();
        var (_, codes) = await host.EnrollAsync();

        var remaining = new List<int>();
        foreach (var code in codes.Take(4))
        {
            remaining.Add((await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, code, Ct)).Value.RemainingRecoveryCodes);
        }

        Assert.Equal([9, 8, 7, 6], remaining);
        Assert.Equal(6, (await host.RecoveryCodes.GetRemainingCountAsync(MfaTestHost.UserId, Ct)).Value);
        Assert.Equal(6, (await host.Enrollment.GetStatusAsync(MfaTestHost.UserId, Ct)).Value.RemainingRecoveryCodes);
    }

    [Fact]
    public async Task VerifyRecoveryCode_AllUsed_IsNoRecoveryCodes()
    {
        await using var host = MfaTestHost.Create(o => o.RecoveryCodes.Count = 2);
        var (_, codes) = await host.EnrollAsync();
        await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[0], Ct);
        await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[1], Ct);

        var third = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, codes[0], Ct);

        Assert.Equal(MfaErrorCodes.NoRecoveryCodes, third.Error!.Code);
        Assert.Equal(0, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
    }

    [Fact]
    public async Task Regenerate_InvalidatesOldSet()
    {
        await using var host = MfaTestHost.Create();
        var (_, oldCodes) = await host.EnrollAsync();
        await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, oldCodes[0], Ct);

        var regenerated = await host.RecoveryCodes.RegenerateAsync(MfaTestHost.UserId, Ct);
        var old = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, oldCodes[1], Ct);
        var fresh = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, regenerated.Value.Codes[1], Ct);

        Assert.Equal(10, regenerated.Value.Codes.Count);
        Assert.Empty(regenerated.Value.Codes.Intersect(oldCodes));
        Assert.Equal(MfaErrorCodes.InvalidCode, old.Error!.Code);
        Assert.True(fresh.Succeeded);
        Assert.Equal(9, fresh.Value.RemainingRecoveryCodes);
    }

    [Fact]
    public async Task Regenerate_WithoutActiveFactor_IsNotEnrolled()
    {
        await using var host = MfaTestHost.Create();

        var regenerated = await host.RecoveryCodes.RegenerateAsync(MfaTestHost.UserId, Ct);

        Assert.Equal(MfaErrorCodes.NotEnrolled, regenerated.Error!.Code);
    }

    [Fact]
    public async Task VerifyRecoveryCode_WithoutFactor_IsNoRecoveryCodes()
    {
        await using var host = MfaTestHost.Create();

        var verified = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, "abcde-fghjk", Ct);

        Assert.Equal(MfaErrorCodes.NoRecoveryCodes, verified.Error!.Code);
    }

    [Fact]
    public async Task VerifyRecoveryCode_UpperCaseSpacesAndNoHyphen_IsAccepted()
    {
        await using var host = MfaTestHost.Create();
        var (_, codes) = await host.EnrollAsync();
        var typed = " " + string.Join(' ', Bare(codes[0]).ToUpperInvariant().Chunk(2).Select(c => new string(c))) + " ";

        var verified = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, typed, Ct);

        Assert.True(verified.Succeeded, typed);
    }

    [Fact]
    public async Task VerifyRecoveryCode_LookAlikesOIL_AreReadAsZeroAndOne()
    {
        await using var host = MfaTestHost.Create(o => o.RecoveryCodes.Count = 50);
        var (_, codes) = await host.EnrollAsync();
        // Almost every set has codes with 0 and 1 (each code lacks both with probability (30/32)^10 ≈ 0.52).
        var withZero = codes.First(c => c.Contains('0', StringComparison.Ordinal));
        var withOne = codes.First(c => c.Contains('1', StringComparison.Ordinal) && c != withZero);

        var zeroAsO = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, withZero.Replace('0', 'O'), Ct);
        var oneAsI = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, withOne.Replace('1', 'I'), Ct);
        var withOneAgain = codes.First(c => c.Contains('1', StringComparison.Ordinal) && c != withZero && c != withOne);
        var oneAsLowerL = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, withOneAgain.Replace('1', 'l'), Ct);

        Assert.True(zeroAsO.Succeeded);
        Assert.True(oneAsI.Succeeded);
        Assert.True(oneAsLowerL.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcde")]
    [InlineData("abcde-fghjk-m")]
    [InlineData("abcde-fghju")] // 'u' is not in the alphabet
    [InlineData("abcde_fghjk")]
    [InlineData("ａｂｃｄｅｆｇｈｊｋ")]
    public async Task VerifyRecoveryCode_Malformed_IsRejectedWithoutCountingAFailure(string input)
    {
        await using var host = MfaTestHost.Create();
        await host.EnrollAsync();

        var verified = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, input, Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, verified.Error!.Code);
        Assert.Equal(0, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
        Assert.Equal(10, (await host.RecoveryCodes.GetRemainingCountAsync(MfaTestHost.UserId, Ct)).Value);
    }

    [Theory]
    [InlineData("7KQ2M-X9D4F", "7kq2mx9d4f")]
    [InlineData(" 7kq2m x9d4f ", "7kq2mx9d4f")]
    [InlineData("7-k-q-2-m-x-9-d-4-f", "7kq2mx9d4f")]
    [InlineData("OoIiLl-abcd", "001111abcd")]
    public void Normalize_ForgivingInput_GivesBareLowerCaseCode(string input, string expected)
    {
        Assert.Equal(expected, RecoveryCodeFormat.Normalize(input, 10));
    }

    [Fact]
    public void Generate_Length10_IsTwoGroupsOfFive()
    {
        var code = RecoveryCodeFormat.Generate(10);

        Assert.Matches("^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$", code);
    }
}
