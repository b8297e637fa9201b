using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Enrollment;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>disable USER</c>: turns the user's MFA off (refused while the organization requires MFA).</summary>
internal static class DisableCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        return new Command("disable", "Turn the user's MFA off: factors and recovery codes removed, sessions ended. Refused while the organization requires MFA.")
        {
            user,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var userId = parsed.UserId(user);
            var disabled = await session.Get<MfaEnrollmentService>().DisableAsync(userId, cancellationToken);
            return !disabled.Succeeded
                ? CliResult.Fail(disabled.Error)
                : CliResult.Ok(
                    new JsonObject { ["user"] = userId, ["disabled"] = true, ["sessions_ended"] = true },
                    text => text.WriteLine($"disabled: {userId} (factors and recovery codes removed; sessions ended)"));
        });
    }
}
