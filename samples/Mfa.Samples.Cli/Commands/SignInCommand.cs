using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.SignIn;

namespace Mfa.Samples.Cli.Commands;

/// <summary>
/// <c>signin USER [--send-sms] [--code CODE | --recovery-code CODE]</c>: the second step of sign-in, as if the host had
/// just checked the password. Without a code: what is needed (<c>needs: …</c>). With one: the verdict.
/// </summary>
internal static class SignInCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        var sendSms = new Option<bool>("--send-sms") { Description = "Send a sign-in code to the user's SMS factor (it lands in the outbox)." };
        var code = new Option<string?>("--code") { Description = "Verify a code from the app or the SMS.", HelpName = "CODE" };
        var recoveryCode = new Option<string?>("--recovery-code") { Description = "Verify a recovery code instead (each works once).", HelpName = "CODE" };
        var command = new Command("signin", "What signing in needs after the password (nothing, a challenge, enrolment), or the verdict on a code.")
        {
            user, sendSms, code, recoveryCode,
        };
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(sendSms), result.GetValue(code) is not null, result.GetValue(recoveryCode) is not null }.Count(g => g);
            if (given > 1)
            {
                result.AddError("Use one of --send-sms, --code and --recovery-code.");
            }
        });

        command.WithAction(async (parsed, session, cancellationToken) =>
        {
            var signIn = session.Get<MfaSignInService>();
            var userId = parsed.UserId(user);
            if (parsed.GetValue(code) is { } oneTimeCode)
            {
                var verified = await signIn.VerifyAsync(userId, oneTimeCode, cancellationToken);
                return verified.Succeeded ? Verdict(userId, verified.Value) : CliResult.Fail(verified.Error);
            }

            if (parsed.GetValue(recoveryCode) is { } recovery)
            {
                var verified = await signIn.VerifyRecoveryCodeAsync(userId, recovery, cancellationToken);
                return verified.Succeeded ? Verdict(userId, verified.Value) : CliResult.Fail(verified.Error);
            }

            var requirement = await signIn.GetRequirementAsync(userId, cancellationToken);
            if (!requirement.Succeeded)
            {
                return CliResult.Fail(requirement.Error);
            }

            Mfa.Sms.SmsCodeSent? sent = null;
            if (parsed.GetValue(sendSms))
            {
                var sending = await signIn.SendSmsCodeAsync(userId, cancellationToken);
                if (!sending.Succeeded)
                {
                    return CliResult.Fail(sending.Error);
                }

                sent = sending.Value;
            }

            return Needs(userId, requirement.Value, sent);
        });
        return command;
    }

    private static CliResult Needs(string userId, MfaSignInRequirement requirement, Mfa.Sms.SmsCodeSent? sent)
    {
        var needs = requirement.Step switch
        {
            MfaSignInStep.None => "none",
            MfaSignInStep.Challenge => $"challenge {Format.Method(requirement.Method)}",
            MfaSignInStep.Enrollment => $"enrollment {Format.Reason(requirement.Reason!.Value)}",
            _ => requirement.Step.ToString().ToLowerInvariant(),
        };

        var data = new JsonObject
        {
            ["user"] = userId,
            ["needs"] = requirement.Step.ToString().ToLowerInvariant(),
            ["method"] = Format.Method(requirement.Method),
            ["reason"] = requirement.Reason is { } reason ? Format.Reason(reason) : null,
            ["enrollment_deadline"] = Format.Time(requirement.EnrollmentDeadline),
            ["masked_phone"] = requirement.MaskedPhoneNumber,
        };
        if (sent is not null)
        {
            data["sms_sent"] = new JsonObject
            {
                ["sent_to"] = sent.MaskedPhoneNumber,
                ["expires_at"] = Format.Time(sent.ExpiresAt),
                ["resend_available_at"] = Format.Time(sent.ResendAvailableAt),
            };
        }

        return CliResult.Ok(data, text =>
        {
            text.WriteLine($"needs: {needs}");
            if (requirement.Step != MfaSignInStep.Enrollment && requirement.Reason is { } pending && requirement.EnrollmentDeadline is { } deadline)
            {
                text.WriteLine($"enroll-by: {Format.Time(deadline)} ({Format.Reason(pending)})");
            }

            switch (requirement.Step)
            {
                case MfaSignInStep.Challenge when sent is not null:
                    text.WriteLine($"sms: code sent to {sent.MaskedPhoneNumber}, valid until {Format.Time(sent.ExpiresAt)} (see: mfa-cli outbox)");
                    text.WriteLine($"next: mfa-cli signin {userId} --code CODE   (or --recovery-code CODE)");
                    break;
                case MfaSignInStep.Challenge when requirement.Method == MfaMethod.Sms:
                    text.WriteLine($"next: mfa-cli signin {userId} --send-sms   (code to {requirement.MaskedPhoneNumber}; or --recovery-code CODE)");
                    break;
                case MfaSignInStep.Challenge:
                    text.WriteLine($"next: mfa-cli signin {userId} --code CODE   (or --recovery-code CODE)");
                    break;
                case MfaSignInStep.Enrollment:
                    text.WriteLine($"next: mfa-cli enroll {userId} --method app   (or --method sms when allowed)");
                    break;
            }
        });
    }

    private static CliResult Verdict(string userId, MfaVerification verification) => CliResult.Ok(
        new JsonObject
        {
            ["user"] = userId,
            ["verdict"] = "ok",
            ["method"] = verification.UsedRecoveryCode ? "recovery-code" : Format.Method(verification.Method),
            ["remaining_recovery_codes"] = verification.RemainingRecoveryCodes,
        },
        text =>
        {
            text.WriteLine($"verdict: ok{(verification.UsedRecoveryCode ? " (recovery code used)" : "")}");
            text.WriteLine($"recovery codes left: {verification.RemainingRecoveryCodes}");
        });
}
