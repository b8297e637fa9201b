using FsCheck;
using FsCheck.Fluent;
using Mfa.Core.Tests.Support;
using Mfa.Phones;

namespace Mfa.Core.Tests.Sms;

public sealed class SmsSendingLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<EngineHost> SmsUsersAsync(Action<MfaOptions>? configure = null, params string[] users)
    {
        var host = new EngineHost(configure);
        foreach (var user in users.DefaultIfEmpty("alice"))
        {
            host.AddUser(user);
            await host.EnrolSmsAsync(user);
        }

        host.Time.Advance(TimeSpan.FromDays(1));
        host.Sms.Respond = _ => Mfa.Sms.SmsSendResult.Accepted("SM");
        return host;
    }

    [Fact]
    public async Task Resend_WithinSixtySeconds_IsCooldownWithRetryAfter()
    {
        using var host = await SmsUsersAsync();
        await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var sentAt = host.Time.GetUtcNow();

        host.Time.Advance(TimeSpan.FromSeconds(59));
        var tooSoon = await host.SignIn.SendSmsCodeAsync("alice", Ct);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var ok = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.SmsResendCooldown, tooSoon.Error?.Code);
        Assert.Equal(sentAt.AddSeconds(60), tooSoon.Error?.RetryAfter);
        Assert.True(ok.Succeeded);
    }

    [Fact]
    public async Task SixthSendOfOneChallenge_IsRefused()
    {
        using var host = await SmsUsersAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await host.SignIn.SendSmsCodeAsync("alice", Ct)).Succeeded);
            host.Time.Advance(TimeSpan.FromSeconds(60));
        }

        var sixth = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.SmsChallengeSendLimit, sixth.Error?.Code);
        Assert.Equal(5, host.Sms.All.Count - 1);
    }

    [Fact]
    public async Task EleventhSmsInAnHour_IsRefusedWithRetryAfter()
    {
        using var host = await SmsUsersAsync(o => o.Sms.MaxSendsPerChallenge = 20);
        var first = host.Time.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await host.SignIn.SendSmsCodeAsync("alice", Ct)).Succeeded);
            host.Time.Advance(TimeSpan.FromSeconds(60));
        }

        var eleventh = await host.SignIn.SendSmsCodeAsync("alice", Ct);
        host.Time.SetUtcNow(first.AddHours(1));
        var afterWindow = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.SmsUserHourlyLimit, eleventh.Error?.Code);
        Assert.Equal(first.AddHours(1), eleventh.Error?.RetryAfter);
        Assert.True(afterWindow.Succeeded, afterWindow.ToString());
    }

    [Fact]
    public async Task OrganizationDailyCap_IsRefusedWithRetryAfter()
    {
        using var host = await SmsUsersAsync(o => o.Sms.MaxPerOrganizationPerDay = 3, "alice", "bob", "carol");
        var first = host.Time.GetUtcNow();

        var a = await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var b = await host.SignIn.SendSmsCodeAsync("bob", Ct);
        var c = await host.SignIn.SendSmsCodeAsync("carol", Ct);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var fourth = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.True(a.Succeeded && b.Succeeded && c.Succeeded);
        Assert.Equal(MfaErrorCodes.SmsOrganizationDailyLimit, fourth.Error?.Code);
        Assert.Equal(first.AddDays(1), fourth.Error?.RetryAfter);
    }

    [Fact]
    public async Task CountryOutsideAllowList_IsRefused_AndNothingSent()
    {
        using var host = new EngineHost(o => o.Sms.AllowedCountries.Add("US"));
        host.AddUser("alice");

        var gb = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        var us = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput("US", "201 555 0123"), Ct);

        Assert.Equal(MfaErrorCodes.CountryNotAllowed, gb.Error?.Code);
        Assert.True(us.Succeeded, us.ToString());
        Assert.Equal("+12015550123", Assert.Single(host.Sms.All).Message.To);
    }

    private abstract record Op;

    private sealed record Send(int User) : Op;

    private sealed record Advance(int Seconds) : Op;

    private static readonly string[] Users = ["alice", "bob", "carol"];

    private static Gen<Op[]> Ops() => Gen.ArrayOf(Gen.Frequency(
        (4, Gen.Choose(0, Users.Length - 1).Select(u => (Op)new Send(u))),
        (3, Gen.Choose(0, 120).Select(s => (Op)new Advance(s))),
        (1, Gen.Choose(120, 4000).Select(s => (Op)new Advance(s)))));

    /// <summary>
    /// For any sequence of send requests and clock advances: every refusal is justified by the history, and the sends
    /// the provider saw respect the cooldown, the sends per challenge, the hourly per-user and daily per-org limits.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property SendingLimits_HoldForAnySequence() =>
        Prop.ForAll(Ops().ToArbitrary(), ops => Sync.Run(async () =>
        {
            using var host = await SmsUsersAsync(o => o.Sms.MaxPerOrganizationPerDay = 25, Users);
            var skip = host.Sms.All.Count;
            var sends = Users.ToDictionary(u => u, _ => new List<DateTimeOffset>());
            var org = new List<DateTimeOffset>();
            foreach (var op in ops)
            {
                if (op is Advance(var seconds))
                {
                    host.Time.Advance(TimeSpan.FromSeconds(seconds));
                    continue;
                }

                var user = Users[((Send)op).User];
                var now = host.Time.GetUtcNow();
                var mine = sends[user];
                var result = await host.SignIn.SendSmsCodeAsync(user, Ct);
                if (result.Succeeded)
                {
                    mine.Add(now);
                    org.Add(now);
                    continue;
                }

                var chain = Chain(mine, now);
                var justified = result.Error.Code switch
                {
                    MfaErrorCodes.SmsResendCooldown => mine.Count > 0 && now < mine[^1].AddSeconds(60) && result.Error.RetryAfter == mine[^1].AddSeconds(60),
                    MfaErrorCodes.SmsChallengeSendLimit => chain >= 5,
                    MfaErrorCodes.SmsUserHourlyLimit => mine.Count(t => t > now.AddHours(-1)) >= 10 && result.Error.RetryAfter > now,
                    MfaErrorCodes.SmsOrganizationDailyLimit => org.Count(t => t > now.AddDays(-1)) >= 25 && result.Error.RetryAfter > now,
                    _ => false,
                };
                if (!justified)
                {
                    throw new InvalidOperationException($"unjustified refusal {result.Error.Code} for {user} at {now:O}");
                }
            }

            var seen = host.Sms.All.Skip(skip).ToList();
            foreach (var user in Users)
            {
                var times = seen.Where(s => s.Message.To == EngineHost.UkMobile && sends[user].Contains(s.At)).Select(s => s.At).ToList();
                var mine = sends[user];
                for (var i = 0; i < mine.Count; i++)
                {
                    Assert.True(mine.Count(t => t >= mine[i] && t < mine[i].AddHours(1)) <= 10, "more than 10 SMS in an hour");
                    Assert.True(i == 0 || mine[i] - mine[i - 1] >= TimeSpan.FromSeconds(60), "resend cooldown broken");
                    Assert.True(Chain(mine.Take(i).ToList(), mine[i]) < 5, "more than 5 sends in one challenge");
                }

                Assert.NotNull(times);
            }

            Assert.Equal(org.Count, seen.Count);
            Assert.All(org, t => Assert.True(org.Count(x => x >= t && x < t.AddDays(1)) <= 25, "organization cap broken"));
            return true;
        }));

    /// <summary>How many earlier sends belong to the challenge still open at <paramref name="now"/> (each within 5 minutes of the next).</summary>
    private static int Chain(List<DateTimeOffset> sends, DateTimeOffset now)
    {
        var count = 0;
        var next = now;
        for (var i = sends.Count - 1; i >= 0 && next < sends[i].AddMinutes(5); i--)
        {
            count++;
            next = sends[i];
        }

        return count;
    }
}
