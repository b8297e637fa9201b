using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Mfa.Core.Tests.Support;
using Mfa.Stores;

namespace Mfa.Core.Tests.Sms;

public sealed class SmsCodeLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<EngineHost> SignedUpAsync(Action<MfaOptions>? configure = null)
    {
        var host = new EngineHost(configure);
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");
        host.Sms.Respond = _ => Mfa.Sms.SmsSendResult.Accepted("SM1");
        return host;
    }

    [Fact]
    public async Task Code_IsSixRandomDigits()
    {
        using var host = await SignedUpAsync();
        var codes = new HashSet<string>();
        for (var i = 0; i < 8; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.True((await host.SignIn.SendSmsCodeAsync("alice", Ct)).Succeeded);
            var code = host.LastSmsCode();
            Assert.Matches("^[0-9]{6}$", code);
            codes.Add(code);
        }

        Assert.True(codes.Count >= 7, "codes repeat: not random");
    }

    [Fact]
    public async Task Code_IsStoredOnlyHashed()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();

        var challenge = await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", MfaSmsPurpose.SignIn, Ct);

        Assert.NotNull(challenge);
        var codeBytes = Encoding.ASCII.GetBytes(code);
        Assert.Equal(32, challenge.CodeHash.Length);
        Assert.False(challenge.CodeHash.AsSpan().IndexOf(codeBytes) >= 0);
        Assert.False(challenge.ProtectedKey.AsSpan().IndexOf(codeBytes) >= 0);
        var everyText = string.Join('|', typeof(MfaSmsChallenge).GetProperties().Select(p => p.GetValue(challenge) switch
        {
            byte[] bytes => Convert.ToHexString(bytes) + Convert.ToBase64String(bytes) + Encoding.ASCII.GetString(bytes),
            var other => other?.ToString(),
        }));
        Assert.DoesNotContain(code, everyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_IsValidForFiveMinutes()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();

        host.Time.Advance(TimeSpan.FromMinutes(5));
        var late = await host.SignIn.VerifyAsync("alice", code, Ct);

        Assert.Equal(MfaErrorCodes.SmsCodeExpired, late.Error?.Code);
    }

    [Fact]
    public async Task Code_JustBeforeFiveMinutes_IsAccepted()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);

        host.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        Assert.True((await host.SignIn.VerifyAsync("alice", host.LastSmsCode(), Ct)).Succeeded);
    }

    [Fact]
    public async Task Code_IsSingleUse()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();

        var first = await host.SignIn.VerifyAsync("alice", code, Ct);
        var second = await host.SignIn.VerifyAsync("alice", code, Ct);

        Assert.True(first.Succeeded);
        Assert.Equal(MfaErrorCodes.NoSmsChallenge, second.Error?.Code);
    }

    [Fact]
    public async Task FiveWrongAttempts_ExhaustTheCode_UntilANewOneIsSent()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();
        var results = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            results.Add((await host.SignIn.VerifyAsync("alice", EngineHost.WrongCode(code), Ct)).Error?.Code);
            host.Time.Advance(TimeSpan.FromSeconds(10)); // past the throttling back-off
        }

        var rightButExhausted = await host.SignIn.VerifyAsync("alice", code, Ct);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var fresh = await host.SignIn.VerifyAsync("alice", host.LastSmsCode(), Ct);

        Assert.Equal(Enumerable.Repeat(MfaErrorCodes.InvalidCode, 4).Append(MfaErrorCodes.SmsCodeAttemptsExhausted), results);
        Assert.Equal(MfaErrorCodes.SmsCodeAttemptsExhausted, rightButExhausted.Error?.Code);
        Assert.True(fresh.Succeeded, fresh.ToString());
    }

    [Fact]
    public async Task WrongAttempts_CountInUserThrottling()
    {
        using var host = await SignedUpAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();

        await host.SignIn.VerifyAsync("alice", EngineHost.WrongCode(code), Ct);
        await host.SignIn.VerifyAsync("alice", EngineHost.WrongCode(code), Ct);
        var counted = await ((IMfaAttemptStore)host.Store).GetAsync("alice", Ct);
        await host.SignIn.VerifyAsync("alice", code, Ct);
        var afterSuccess = await ((IMfaAttemptStore)host.Store).GetAsync("alice", Ct);

        Assert.Equal(2, counted.FailedCount);
        Assert.Equal(0, afterSuccess.FailedCount);
    }

    [Fact]
    public async Task WrongAttempts_BeyondThrottleLimit_LockTheUserOut()
    {
        using var host = await SignedUpAsync(o => o.Throttling.MaxFailedAttempts = 3);
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var code = host.LastSmsCode();
        for (var i = 0; i < 3; i++)
        {
            await host.SignIn.VerifyAsync("alice", EngineHost.WrongCode(code), Ct);
        }

        var locked = await host.SignIn.VerifyAsync("alice", code, Ct);

        Assert.Equal(MfaErrorCodes.LockedOut, locked.Error?.Code);
        Assert.NotNull(locked.Error?.RetryAfter);
    }

    private abstract record Op;

    private sealed record Send : Op;

    private sealed record Advance(int Seconds) : Op;

    private sealed record VerifyLatest : Op;

    private sealed record VerifyWrong : Op;

    private sealed record VerifyOld(int Back) : Op;

    private static Gen<Op[]> Ops() => Gen.ArrayOf(Gen.Frequency(
        (3, Gen.Constant<Op>(new Send())),
        (3, Gen.Choose(0, 200).Select(s => (Op)new Advance(s))),
        (3, Gen.Constant<Op>(new VerifyLatest())),
        (3, Gen.Constant<Op>(new VerifyWrong())),
        (1, Gen.Choose(1, 3).Select(b => (Op)new VerifyOld(b)))));

    /// <summary>
    /// For any sequence of sends, clock advances and verifications, a code is accepted exactly when it is the latest
    /// code sent, unused, younger than 5 minutes and has seen fewer than 5 wrong guesses; never twice.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property SmsCode_AcceptedAtMostOnce_NeverAfterFiveMinutesOrFiveWrongAttempts() =>
        Prop.ForAll(Ops().ToArbitrary(), ops => Sync.Run(async () =>
        {
            using var host = await SignedUpAsync(o =>
            {
                o.Throttling.MaxFailedAttempts = 100;
                o.Throttling.FreeAttempts = 100;
                o.Sms.MaxPerUserPerHour = 100;
            });
            var sentBefore = host.Sms.Accepted.Count;
            string? latest = null;
            var latestSentAt = DateTimeOffset.MinValue;
            var wrong = 0;
            var used = false;
            var accepted = new HashSet<string>();
            foreach (var op in ops)
            {
                var now = host.Time.GetUtcNow();
                switch (op)
                {
                    case Send:
                        if ((await host.SignIn.SendSmsCodeAsync("alice", Ct)).Succeeded)
                        {
                            (latest, latestSentAt, wrong, used) = (host.LastSmsCode(), now, 0, false);
                        }

                        break;
                    case Advance(var seconds):
                        host.Time.Advance(TimeSpan.FromSeconds(seconds));
                        break;
                    case VerifyLatest when latest is not null:
                        var expected = !used && now < latestSentAt.AddMinutes(5) && wrong < 5;
                        var result = await host.SignIn.VerifyAsync("alice", latest, Ct);
                        if (result.Succeeded != expected || (result.Succeeded && !accepted.Add(latest + "@" + latestSentAt.ToUnixTimeSeconds())))
                        {
                            throw new InvalidOperationException($"verify latest: expected {expected}, got {result} (used={used}, age={now - latestSentAt}, wrong={wrong})");
                        }

                        used |= result.Succeeded;
                        break;
                    case VerifyWrong when latest is not null:
                        if ((await host.SignIn.VerifyAsync("alice", EngineHost.WrongCode(latest), Ct)).Succeeded)
                        {
                            throw new InvalidOperationException("a wrong code was accepted");
                        }

                        if (!used && now < latestSentAt.AddMinutes(5))
                        {
                            wrong++;
                        }

                        break;
                    case VerifyOld(var back):
                        var history = host.Sms.Accepted.Skip(sentBefore).Select(s => EngineHost.CodeIn(s.Message.Body)).ToList();
                        if (history.Count <= back || history[^(back + 1)] == latest)
                        {
                            break;
                        }

                        if ((await host.SignIn.VerifyAsync("alice", history[^(back + 1)], Ct)).Succeeded)
                        {
                            throw new InvalidOperationException("an old code was accepted");
                        }

                        // An old code is just a wrong guess against the current one.
                        if (!used && now < latestSentAt.AddMinutes(5))
                        {
                            wrong++;
                        }

                        break;
                }
            }

            return true;
        }));
}
