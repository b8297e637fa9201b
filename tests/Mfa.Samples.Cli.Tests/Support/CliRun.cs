using System.Text.Json;

namespace Mfa.Samples.Cli.Tests.Support;

/// <summary>One finished invocation of the CLI.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    /// <summary>The first line of stdout.</summary>
    public string FirstLine => StdoutLines.FirstOrDefault() ?? "";

    /// <summary>The value of a <c>key: value</c> line of the text output.</summary>
    public string Field(string key) =>
        StdoutLines.Single(l => l.StartsWith(key + ": ", StringComparison.Ordinal))[(key.Length + 2)..];

    /// <summary>Stdout as the single JSON object <c>--json</c> promises (fails if it is anything else).</summary>
    public JsonElement Json()
    {
        var line = Assert.Single(StdoutLines);
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a failure: the exit code and exactly one <c>error: CODE: …</c> line on stderr.</summary>
    public CliRun AssertFailed(int exitCode, string code)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode} ({code}), got {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}");
        var line = Assert.Single(StderrLines);
        Assert.StartsWith($"error: {code}: ", line, StringComparison.Ordinal);
        Assert.True(line.Length > $"error: {code}: ".Length, "the error line has a message");
        return this;
    }

    /// <summary>Asserts success (exit 0, nothing on stderr).</summary>
    public CliRun AssertOk()
    {
        Assert.True(ExitCode == 0, $"expected exit 0, got {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}");
        Assert.Equal("", Stderr);
        return this;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
