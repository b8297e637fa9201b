using System.CommandLine;
using System.CommandLine.Invocation;

namespace Mfa.Samples.Cli;

/// <summary>
/// A command's work: opens the database and engine for it, runs the handler, returns what to print. CliApp runs it
/// itself (rather than through <see cref="ParseResult.InvokeAsync"/>) to own output, errors and exit codes.
/// </summary>
internal sealed class CliCommandAction(Func<ParseResult, CliSession, CancellationToken, Task<CliResult>> handler) : AsynchronousCommandLineAction
{
    public async Task<CliResult> RunAsync(ParseResult parsed, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var database = parsed.GetValue(((CliRootCommand)parsed.RootCommandResult.Command).Database);
        await using var session = await CliSession.OpenAsync(environment, database, cancellationToken);
        return await handler(parsed, session, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Run commands through CliApp.RunAsync, which owns output and exit codes.");
}

/// <summary>Attaches a <see cref="CliCommandAction"/> to a command.</summary>
internal static class CliCommandExtensions
{
    public static Command WithAction(this Command command, Func<ParseResult, CliSession, CancellationToken, Task<CliResult>> handler)
    {
        command.Action = new CliCommandAction(handler);
        return command;
    }
}
