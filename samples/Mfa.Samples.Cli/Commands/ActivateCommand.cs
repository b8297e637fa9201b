using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Enrollment;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>activate USER CODE</c>: activates the pending enrolment and prints the recovery codes (shown once).</summary>
internal static class ActivateCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        var code = new Argument<string>("CODE") { Description = "The code from the authenticator app or the SMS." };
        return new Command("activate", "Activate the enrolment begun with enroll; prints the recovery codes, once.")
        {
            user, code,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var userId = parsed.UserId(user);
            var activated = await session.Get<MfaEnrollmentService>().ActivateAsync(userId, parsed.GetRequiredValue(code), cancellationToken);
            if (!activated.Succeeded)
            {
                return CliResult.Fail(activated.Error);
            }

            var method = Format.Method(activated.Value.Method);
            var codes = activated.Value.RecoveryCodes.Codes;
            return CliResult.Ok(
                new JsonObject
                {
                    ["user"] = userId,
                    ["method"] = method,
                    ["recovery_codes"] = new JsonArray(codes.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                },
                text =>
                {
                    text.WriteLine($"activated: {method}");
                    text.WriteLine("recovery codes (shown only now; each works once):");
                    foreach (var recoveryCode in codes)
                    {
                        text.WriteLine($"  {recoveryCode}");
                    }
                });
        });
    }
}
