using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Reset;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>reset USER --actor OWNER</c>: an Owner of the user's organization resets the user's MFA.</summary>
internal static class ResetCommand
{
    public static Command Create()
    {
        var user = CliSymbols.User();
        var actor = CliSymbols.Actor("The Owner doing the reset (must be an Owner of USER's organization).");
        return new Command("reset", "An Owner resets a user's MFA: factors, recovery codes and lock state deleted, sessions ended; the user sets up MFA at next sign-in.")
        {
            user, actor,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var reset = await session.Get<MfaResetService>().ResetUserAsync(parsed.UserId(actor), parsed.UserId(user), cancellationToken);
            return reset.Succeeded ? Print(reset.Value) : CliResult.Fail(reset.Error);
        });
    }

    /// <summary>The output of <c>reset</c> and <c>reset-self</c>.</summary>
    public static CliResult Print(MfaResetOutcome outcome) => CliResult.Ok(
        new JsonObject { ["user"] = outcome.UserId, ["factors_removed"] = outcome.FactorsRemoved, ["sessions_ended"] = true },
        text =>
        {
            text.WriteLine($"reset: {outcome.UserId} ({outcome.FactorsRemoved} factor(s) removed; sessions ended)");
            text.WriteLine("next sign-in: needs enrollment mfa-was-reset");
        });
}
