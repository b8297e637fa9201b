using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Enrollment;
using Mfa.Phones;
using Mfa.Sms;

namespace Mfa.Samples.Cli.Commands;

/// <summary>
/// <c>enroll USER --method app [--qr FILE.png]</c> prints the otpauth URI and manual key;
/// <c>enroll USER --method sms --country CC --phone NUMBER</c> sends a code (to the development outbox).
/// Either way, <c>activate USER CODE</c> finishes.
/// </summary>
internal static class EnrollCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        var method = new Option<string>("--method") { Description = "app (authenticator app, QR code) or sms.", HelpName = "app|sms", Required = true };
        method.AcceptOnlyFromAmong("app", "sms");
        var country = new Option<string?>("--country") { Description = "The phone's country, ISO 3166 (e.g. GB); not needed for +international numbers.", HelpName = "CC" };
        var phone = new Option<string?>("--phone") { Description = "The mobile number (required for sms; optional for app).", HelpName = "NUMBER" };
        var qr = new Option<string?>("--qr") { Description = "For app: also write the QR code as a PNG file.", HelpName = "FILE.png" };

        var command = new Command("enroll", "Begin enrolling a factor; then run activate with the code.") { user, method, country, phone, qr };
        command.Validators.Add(result =>
        {
            // Read the token, not the value: an invalid --method has its own error and its value would throw here.
            var isSms = result.GetResult(method)?.Tokens is [{ Value: "sms" }, ..];
            if (isSms && string.IsNullOrWhiteSpace(result.GetValue(phone)))
            {
                result.AddError("--method sms needs --phone NUMBER (and --country CC unless the number starts with +).");
            }

            if (isSms && result.GetValue(qr) is not null)
            {
                result.AddError("--qr is for --method app.");
            }

            if (result.GetValue(phone) is null && result.GetValue(country) is not null)
            {
                result.AddError("--country goes with --phone.");
            }
        });

        command.WithAction(async (parsed, session, cancellationToken) =>
        {
            var enrollment = session.Get<MfaEnrollmentService>();
            var userId = parsed.UserId(user);
            var phoneNumber = parsed.GetValue(phone) is { } number ? new PhoneNumberInput(parsed.GetValue(country), number) : null;
            if (parsed.GetValue(method) == "sms")
            {
                var sent = await enrollment.BeginSmsAsync(userId, phoneNumber!, cancellationToken);
                return sent.Succeeded ? PrintSms(userId, sent.Value) : CliResult.Fail(sent.Error);
            }

            var begun = await enrollment.BeginAuthenticatorAppAsync(userId, phoneNumber, cancellationToken);
            if (!begun.Succeeded)
            {
                return CliResult.Fail(begun.Error);
            }

            string? qrFile = null;
            if (parsed.GetValue(qr) is { } qrPath)
            {
                qrFile = Path.GetFullPath(qrPath, session.Environment.CurrentDirectory);
                await File.WriteAllBytesAsync(qrFile, begun.Value.QrCodePng, cancellationToken);
            }

            return PrintApp(userId, begun.Value, qrFile);
        });
        return command;
    }

    private static CliResult PrintApp(string userId, AuthenticatorEnrollment enrollment, string? qrFile) => CliResult.Ok(
        new JsonObject
        {
            ["user"] = userId,
            ["method"] = "app",
            ["otpauth_uri"] = enrollment.OtpAuthUri,
            ["manual_key"] = enrollment.ManualEntryKey,
            ["expires_at"] = Format.Time(enrollment.ExpiresAt),
            ["qr_file"] = qrFile,
        },
        text =>
        {
            text.WriteLine($"uri: {enrollment.OtpAuthUri}");
            text.WriteLine($"key: {enrollment.ManualEntryKey}");
            if (qrFile is not null)
            {
                text.WriteLine($"qr: {qrFile}");
            }

            text.WriteLine($"expires: {Format.Time(enrollment.ExpiresAt)}");
            text.WriteLine($"next: mfa-cli activate {userId} CODE   (the 6-digit code your app shows)");
        });

    private static CliResult PrintSms(string userId, SmsCodeSent sent) => CliResult.Ok(
        new JsonObject
        {
            ["user"] = userId,
            ["method"] = "sms",
            ["sent_to"] = sent.MaskedPhoneNumber,
            ["expires_at"] = Format.Time(sent.ExpiresAt),
            ["resend_available_at"] = Format.Time(sent.ResendAvailableAt),
        },
        text =>
        {
            text.WriteLine($"sms: code sent to {sent.MaskedPhoneNumber}");
            text.WriteLine($"expires: {Format.Time(sent.ExpiresAt)}");
            text.WriteLine($"next: mfa-cli activate {userId} CODE   (the code is in: mfa-cli outbox)");
        });
}
