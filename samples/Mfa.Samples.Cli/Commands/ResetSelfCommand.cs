using System.CommandLine;
using Mfa.Reset;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>reset-self USER</c>: the user resets their own MFA (only when their organization requires MFA).</summary>
internal static class ResetSelfCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        return new Command("reset-self", "A user resets their own MFA (lost phone, new app): allowed only when their organization requires MFA; otherwise ask an Owner.")
        {
            user,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var reset = await session.Get<MfaResetService>().ResetSelfAsync(parsed.UserId(user), cancellationToken);
            return reset.Succeeded ? ResetCommand.Print(reset.Value) : CliResult.Fail(reset.Error);
        });
    }
}
