using Mfa.Audit;
using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.Users;

namespace Mfa.Core.Tests.Audit;

public sealed class AuditTrailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullFlow_IsAudited_NewestFirstWithPaging_AndHoldsNoSecret()
    {
        using var host = new EngineHost(o => o.Throttling.MaxFailedAttempts = 4);
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        host.AddUser("member");
        host.AddUser("other-owner", "org-2", MfaRole.Owner);
        var secrets = new List<string>();

        var app = (await host.Enrollment.BeginAuthenticatorAppAsync("alice", null, Ct)).Value;
        secrets.Add(app.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal));
        var activation = (await host.Enrollment.ActivateAsync("alice", host.TotpNow(app.ManualEntryKey), Ct)).Value;
        secrets.AddRange(activation.RecoveryCodes.Codes);
        await host.SignIn.VerifyRecoveryCodeAsync("alice", activation.RecoveryCodes.Codes[0], Ct);
        secrets.AddRange((await host.RecoveryCodes.RegenerateAsync("alice", Ct)).Value.Codes);
        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = true, AllowSms = true }, Ct);
        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        secrets.Add(host.LastSmsCode());
        await host.Enrollment.ResendSmsAsync("alice", Ct); // refused: cooldown
        for (var i = 0; i < 4; i++)
        {
            await host.SignIn.VerifyAsync("alice", "000000", Ct); // failures, then a lockout
            host.Time.Advance(TimeSpan.FromSeconds(20));
        }

        host.Sms.Respond = _ => Mfa.Sms.SmsSendResult.Failed(Mfa.Sms.SmsSendStatus.TransientFailure);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.Enrollment.ResendSmsAsync("alice", Ct);
        await host.Reset.ResetSelfAsync("alice", Ct);
        await host.Reset.ResetUserAsync("owner", "alice", Ct);

        var all = (await host.Audit.ListAsync("owner", "org-1", 0, 200, Ct)).Value.Records;
        var kinds = all.Select(r => r.EventType).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                MfaEventTypes.EnrollmentStarted, MfaEventTypes.EnrollmentActivated, MfaEventTypes.RecoveryCodeUsed,
                MfaEventTypes.RecoveryCodesRegenerated, MfaEventTypes.PolicyChanged, MfaEventTypes.SmsSent, MfaEventTypes.SmsRefused,
                MfaEventTypes.SmsFailed, MfaEventTypes.VerificationFailed, MfaEventTypes.LockedOut, MfaEventTypes.SelfReset, MfaEventTypes.AdminReset,
            },
            kinds);
        var admin = Assert.Single(all, r => r.EventType == MfaEventTypes.AdminReset);
        Assert.Equal(("alice", "owner"), (admin.UserId, admin.ActorUserId));
        Assert.Equal(all.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Select(r => r.Id), all.Select(r => r.Id));

        var text = string.Join('\n', all.Select(r => $"{r.Id} {r.EventType} {r.OrganizationId} {r.UserId} {r.ActorUserId} {r.Method} {r.Detail}"));
        Assert.DoesNotContain("7400123456", text, StringComparison.Ordinal);
        Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.OrdinalIgnoreCase));

        var page0 = (await host.Audit.ListAsync("owner", "org-1", 0, 5, Ct)).Value;
        var page1 = (await host.Audit.ListAsync("owner", "org-1", 1, 5, Ct)).Value;
        var last = (await host.Audit.ListAsync("owner", "org-1", (all.Count - 1) / 5, 5, Ct)).Value;
        Assert.True(page0.HasMore && page1.HasMore);
        Assert.False(last.HasMore);
        Assert.Equal(all.Take(10).Select(r => r.Id), page0.Records.Concat(page1.Records).Select(r => r.Id));

        Assert.Equal(MfaErrorCodes.NotPermitted, (await host.Audit.ListAsync("member", "org-1", 0, 10, Ct)).Error?.Code);
        Assert.Equal(MfaErrorCodes.OtherOrganization, (await host.Audit.ListAsync("other-owner", "org-1", 0, 10, Ct)).Error?.Code);
    }
}
