using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mfa.Core.Tests.TestSupport;
using Mfa.Stores;

namespace Mfa.Core.Tests.SignIn;

/// <summary>Bad input on every public method of the enrolment, sign-in and recovery-code services.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string?[] BadUserIds = [null, "", " ", "\t\n"];

    public static TheoryData<string> Operations => new()
    {
        "Begin", "Activate", "GetStatus", "GetRequirement", "Verify", "VerifyRecoveryCode", "Regenerate", "GetRemainingCount",
    };

    private static Task<MfaResult> CallAsync(MfaTestHost host, string operation, string userId, string code = "123456") => operation switch
    {
        "Begin" => Erase(host.Enrollment.BeginAuthenticatorAppAsync(userId, cancellationToken: Ct)),
        "Activate" => Erase(host.Enrollment.ActivateAsync(userId, code, Ct)),
        "GetStatus" => Erase(host.Enrollment.GetStatusAsync(userId, Ct)),
        "GetRequirement" => Erase(host.SignIn.GetRequirementAsync(userId, Ct)),
        "Verify" => Erase(host.SignIn.VerifyAsync(userId, code, Ct)),
        "VerifyRecoveryCode" => Erase(host.SignIn.VerifyRecoveryCodeAsync(userId, "abcde-fghjk", Ct)),
        "Regenerate" => Erase(host.RecoveryCodes.RegenerateAsync(userId, Ct)),
        "GetRemainingCount" => Erase(host.RecoveryCodes.GetRemainingCountAsync(userId, Ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static async Task<MfaResult> Erase<T>(Task<MfaResult<T>> task) => await task;

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task AnyOperation_NullEmptyOrWhitespaceUserId_ThrowsArgumentException(string operation)
    {
        await using var host = MfaTestHost.Create();

        foreach (var userId in BadUserIds)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => CallAsync(host, operation, userId!));
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task AnyOperation_UnknownUser_IsUserNotFoundAndPersistsNothing(string operation)
    {
        await using var host = MfaTestHost.Create();

        var result = await CallAsync(host, operation, "mallory");

        Assert.Equal(MfaErrorCodes.UserNotFound, result.Error!.Code);
        Assert.Null(await host.Store.FindPendingAsync("mallory", Ct));
        Assert.Equal(0, (await host.Store.GetAsync("mallory", Ct)).FailedCount);
        Assert.Empty(await host.Store.ListAsync("org-1", 0, 10, Ct));
    }

    [Fact]
    public async Task UserIdDifferingOnlyInCase_IsADifferentUser()
    {
        await using var host = MfaTestHost.Create();

        var result = await host.Enrollment.GetStatusAsync("ALICE", Ct);

        Assert.Equal(MfaErrorCodes.UserNotFound, result.Error!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a code")]
    [InlineData("12345678901234567890")]
    [InlineData("'; DROP TABLE factors; --")]
    public async Task Activate_NullOrGarbageCode_IsMalformedAndLeavesEnrollmentPending(string? code)
    {
        await using var host = MfaTestHost.Create();
        await host.BeginAsync();

        var result = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, code!, Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, result.Error!.Code);
        Assert.NotNull(await host.Store.FindPendingAsync(MfaTestHost.UserId, Ct));
        Assert.Null(await host.Store.FindActiveAsync(MfaTestHost.UserId, Ct));
        Assert.Equal(0, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("garbage")]
    [InlineData("aaaaa-aaaaa-aaaaa-aaaaa-aaaaa-aaaaa-aaaaa")]
    public async Task VerifyRecoveryCode_NullOrGarbage_IsMalformed(string? code)
    {
        await using var host = MfaTestHost.Create();
        await host.EnrollAsync();

        var result = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, code!, Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, result.Error!.Code);
        Assert.Equal(10, (await host.RecoveryCodes.GetRemainingCountAsync(MfaTestHost.UserId, Ct)).Value);
    }

    [Fact]
    public async Task Verify_VeryLongInput_IsMalformedWithoutWork()
    {
        await using var host = MfaTestHost.Create();
        await host.EnrollAsync();

        var totp = await host.SignIn.VerifyAsync(MfaTestHost.UserId, new string('1', 1_000_000), Ct);
        var recovery = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, new string('a', 1_000_000), Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, totp.Error!.Code);
        Assert.Equal(MfaErrorCodes.MalformedCode, recovery.Error!.Code);
    }

    [Property(MaxTest = 150)]
    public Property Verify_RandomStrings_NeverThrowNeverSucceedAndChangeNoFactorOrCode() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), async input =>
        {
            await using var host = MfaTestHost.Create(o => o.Throttling.FreeAttempts = o.Throttling.MaxFailedAttempts = 100);
            var (_, codes) = await host.FastEnrollAsync();
            var before = await SnapshotAsync(host);

            var totp = await host.SignIn.VerifyAsync(MfaTestHost.UserId, input, Ct);
            var recovery = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, input, Ct);
            var activation = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, input, Ct);

            var after = await SnapshotAsync(host);
            var malformed = totp.Error?.Code == MfaErrorCodes.MalformedCode;
            return !totp.Succeeded && !recovery.Succeeded && !activation.Succeeded
                && activation.Error!.Code == MfaErrorCodes.NoPendingEnrollment
                && before.Factor == after.Factor
                && before.Remaining == after.Remaining
                && (!malformed || recovery.Error!.Code != MfaErrorCodes.MalformedCode || before.Failures == after.Failures);
        });

    private static async Task<(string Factor, int Remaining, int Failures)> SnapshotAsync(MfaTestHost host)
    {
        var factor = await host.Store.FindActiveAsync(MfaTestHost.UserId, Ct);
        var remaining = await host.Store.CountRemainingAsync(MfaTestHost.UserId, Ct);
        var attempts = await host.Store.GetAsync(MfaTestHost.UserId, Ct);
        return ($"{factor!.Id}/{factor.Status}/{factor.LastAcceptedTimeStep}/{Convert.ToBase64String(factor.ProtectedSecret!)}", remaining, attempts.FailedCount);
    }
}
