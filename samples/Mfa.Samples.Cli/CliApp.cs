using System.CommandLine;
using System.CommandLine.Invocation;
using Mfa.Samples.Cli.Commands;

namespace Mfa.Samples.Cli;

/// <summary>
/// The whole CLI as a function: arguments in, output on the given writers, exit code out (see <see cref="ExitCodes"/>).
/// Program.cs calls it with the console; tests call it in-process.
/// </summary>
public static class CliApp
{
    /// <summary>Runs one command.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Receives the command's output (text, or one JSON object with <c>--json</c>).</param>
    /// <param name="stderr">Receives one line per failure: <c>error: CODE: MESSAGE</c>.</param>
    /// <param name="environment">The working directory and environment variables; the process's own when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        CliEnvironment? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new CliRootCommand();
        var json = args.Contains(CliRootCommand.JsonOptionName, StringComparer.Ordinal);
        var output = new CliOutput(stdout, stderr, json);
        string? command = null;
        try
        {
            var parsed = root.Parse(args);
            json = parsed.GetValue(root.Json);
            output = new CliOutput(stdout, stderr, json);
            command = parsed.CommandResult.Command is RootCommand ? null : parsed.CommandResult.Command.Name;
            if (parsed.Action is ParseErrorAction)
            {
                // An unknown word is the most useful thing to report (it also causes "Required command was not provided").
                var message = parsed.UnmatchedTokens.Count > 0 ? $"Unknown command or argument '{parsed.UnmatchedTokens[0]}'."
                    : parsed.Errors.Count > 0 ? parsed.Errors[0].Message
                    : "Invalid command line.";
                return output.WriteError(command, CliError.UsageError($"{message} (see mfa-cli --help)"));
            }

            if (parsed.Action is not CliCommandAction action)
            {
                // --help and --version: System.CommandLine prints them.
                return await parsed.InvokeAsync(
                    new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                    cancellationToken);
            }

            var result = await action.RunAsync(parsed, environment ?? CliEnvironment.FromProcess(), cancellationToken);
            return output.Write(command!, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return output.WriteError(command, new CliError(CliError.Cancelled, "The command was cancelled.", ExitCodes.Unexpected));
        }
#pragma warning disable CA1031 // The CLI's promise: one line on stderr and exit code 3, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return output.WriteError(command, new CliError(CliError.Internal, $"{exception.GetType().Name}: {exception.Message}", ExitCodes.Unexpected));
        }
    }
}
