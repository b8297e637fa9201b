using System.Text.RegularExpressions;
using Mfa.Core.Tests.TestSupport;
using OtpNet;

namespace Mfa.Core.Tests.Diagnostics;

/// <summary>A full flow, then a search of everything observable for the secret, the codes and the recovery codes.</summary>
public sealed class SecretLeakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullFlow_LogsAuditExceptionsAndResults_NeverContainSecretsOrCodes()
    {
        await using var host = MfaTestHost.Create();
        var observed = new List<string>();
        var codes = new List<string>();

        // Enrol and activate.
        var begun = await host.Enrollment.BeginAuthenticatorAppAsync(MfaTestHost.UserId, cancellationToken: Ct);
        var secret = Base32Encoding.ToBytes(begun.Value.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal));
        observed.Add(begun.ToString());
        observed.Add(begun.Value.ToString());
        codes.Add(host.CodeAt(secret));
        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, codes[^1], Ct);
        var recoveryCodes = activated.Value.RecoveryCodes.Codes;
        observed.Add(activated.ToString());
        observed.Add(activated.Value.ToString());
        observed.Add(activated.Value.RecoveryCodes.ToString());
        observed.Add((await host.Enrollment.GetStatusAsync(MfaTestHost.UserId, Ct)).Value.ToString());

        // Verify: ok, replayed, wrong; use a recovery code; wrong recovery code.
        host.AdvanceSteps(1);
        codes.Add(host.CodeAt(secret));
        var ok = await host.SignIn.VerifyAsync(MfaTestHost.UserId, codes[^1], Ct);
        observed.Add(ok.ToString());
        observed.Add(ok.Value.ToString());
        var replayed = await host.SignIn.VerifyAsync(MfaTestHost.UserId, codes[^1], Ct);
        observed.Add(replayed.ToString());
        observed.Add(replayed.Error!.ToString());
        observed.Add(Assert.Throws<InvalidOperationException>(() => replayed.Value).Message);
        var recovery = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, recoveryCodes[0], Ct);
        observed.Add(recovery.Value.ToString());
        var recoveryAgain = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, recoveryCodes[0], Ct);
        observed.Add(recoveryAgain.Error!.ToString());

        // Re-enrol (a second secret in flight), then lock the user out.
        var second = await host.Enrollment.BeginAuthenticatorAppAsync(MfaTestHost.UserId, cancellationToken: Ct);
        var secondSecret = Base32Encoding.ToBytes(second.Value.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal));
        observed.Add(second.Value.ToString());
        for (var i = 0; i < 12; i++)
        {
            var failed = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.WrongCode(secret), Ct);
            observed.Add(failed.Error!.ToString());
            var activation = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(secondSecret), Ct);
            observed.Add(activation.ToString());
            observed.Add(activation.Error?.ToString() ?? "");
            if (failed.Error.RetryAfter is { } retry && retry > host.Time.GetUtcNow())
            {
                host.Time.SetUtcNow(retry);
            }
        }

        codes.Add(host.CodeAt(secret));
        codes.Add(host.CodeAt(secondSecret));
        var locked = await host.SignIn.VerifyRecoveryCodeAsync(MfaTestHost.UserId, recoveryCodes[1], Ct);
        observed.Add(locked.Error!.ToString());
        observed.Add(Assert.Throws<InvalidOperationException>(() => locked.Value).Message);

        foreach (var record in host.Logs.GetSnapshot())
        {
            observed.Add(record.Message);
            observed.Add(record.Exception?.ToString() ?? "");
            observed.AddRange(record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? []);
        }

        var audit = await host.Store.ListAsync("org-1", 0, 1000, Ct);
        Assert.NotEmpty(audit);
        observed.AddRange(audit.Select(r => string.Join('|', r.Id, r.OccurredAt, r.EventType, r.OrganizationId, r.UserId, r.ActorUserId, r.Method, r.Detail)));
        Assert.Contains(audit, r => r.EventType == Mfa.Audit.MfaEventTypes.LockedOut);
        Assert.NotEmpty(host.Logs.GetSnapshot());

        var text = string.Join('\n', observed);
        foreach (var key in new[] { secret, secondSecret })
        {
            var base32 = Base32Encoding.ToString(key).TrimEnd('=');
            Assert.DoesNotContain(base32, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(base32[..16], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToHexString(key), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(key), text, StringComparison.Ordinal);
            Assert.DoesNotContain(OtpAuthUriText(key), text, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var code in codes)
        {
            // Digit boundaries: a six-digit code may legitimately appear inside a longer number (a timestamp's ticks).
            Assert.DoesNotMatch(new Regex($"(?<![0-9]){code}(?![0-9])"), text);
        }

        foreach (var recoveryCode in recoveryCodes)
        {
            Assert.DoesNotContain(recoveryCode, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(recoveryCode.Replace("-", "", StringComparison.Ordinal), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string OtpAuthUriText(byte[] key) => "secret=" + Base32Encoding.ToString(key).TrimEnd('=');
}
