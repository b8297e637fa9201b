using System.Text.Json.Nodes;

namespace Mfa.Samples.Cli;

/// <summary>
/// What a command produced: its data (printed as one JSON object with <c>--json</c>) and how to print it for people,
/// or a <see cref="CliError"/>.
/// </summary>
public sealed class CliResult
{
    private CliResult(JsonObject? data, Action<TextWriter>? writeText, CliError? error)
    {
        Data = data;
        WriteText = writeText;
        Error = error;
    }

    /// <summary>The command's data, when it succeeded.</summary>
    public JsonObject? Data { get; }

    /// <summary>Writes the human-readable output, when it succeeded.</summary>
    public Action<TextWriter>? WriteText { get; }

    /// <summary>The failure, if any.</summary>
    public CliError? Error { get; }

    /// <summary>A success.</summary>
    public static CliResult Ok(JsonObject data, Action<TextWriter> writeText) =>
        new(data ?? throw new ArgumentNullException(nameof(data)), writeText ?? throw new ArgumentNullException(nameof(writeText)), null);

    /// <summary>A failure.</summary>
    public static CliResult Fail(CliError error) => new(null, null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>An engine failure.</summary>
    public static CliResult Fail(MfaError error) => Fail(CliError.FromEngine(error));

    /// <summary>Lifts an error into a result.</summary>
    public static implicit operator CliResult(CliError error) => Fail(error);
}
