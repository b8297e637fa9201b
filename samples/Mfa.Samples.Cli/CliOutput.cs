using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mfa.Samples.Cli;

/// <summary>
/// Writes a command's outcome: text for people, or exactly one JSON object (one line) with <c>--json</c>. Failures
/// always also get one line on stderr: <c>error: CODE: MESSAGE</c>.
/// </summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // The output goes to a terminal or a script, never into HTML: keep "•" and "+" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Write(string command, CliResult result)
    {
        if (result.Error is { } error)
        {
            return WriteError(command, error);
        }

        if (json)
        {
            var output = new JsonObject { ["ok"] = true, ["command"] = command };
            var data = result.Data!;
            foreach (var (key, value) in data.ToList())
            {
                data.Remove(key);
                output[key] = value;
            }

            stdout.WriteLine(output.ToJsonString(JsonOptions));
        }
        else
        {
            result.WriteText!(stdout);
        }

        return ExitCodes.Success;
    }

    public int WriteError(string? command, CliError error)
    {
        var retry = error.RetryAfter is { } until ? $" (retry after {Format.Time(until)})" : "";
        stderr.WriteLine($"error: {error.Code}: {OneLine(error.Message)}{retry}");
        if (json)
        {
            var details = new JsonObject { ["code"] = error.Code, ["message"] = OneLine(error.Message) };
            if (error.RetryAfter is { } retryAfter)
            {
                details["retry_after"] = Format.Time(retryAfter);
            }

            var output = new JsonObject { ["ok"] = false };
            if (command is not null)
            {
                output["command"] = command;
            }

            output["error"] = details;
            stdout.WriteLine(output.ToJsonString(JsonOptions));
        }

        return error.ExitCode;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
