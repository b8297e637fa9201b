using System.Diagnostics;
using System.Text.Json;
using Mfa.Samples.Cli.Tests.Support;

namespace Mfa.Samples.Cli.Tests;

/// <summary>The built mfa-cli.dll as a real process: arguments, exit codes, stdout and stderr as a shell sees them.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ShortSession_InARealProcess()
    {
        var seeded = await RunProcessAsync("demo-seed");
        Assert.Equal(0, seeded.ExitCode);
        Assert.StartsWith("seeded: 4 user(s)", seeded.FirstLine, StringComparison.Ordinal);

        var needs = await RunProcessAsync("signin", "alice@acme.test");
        Assert.Equal(0, needs.ExitCode);
        Assert.Equal("needs: none", needs.FirstLine);

        var json = await RunProcessAsync("--json", "policy", "acme", "--actor", "owner@acme.test");
        Assert.Equal(0, json.ExitCode);
        using (var document = JsonDocument.Parse(Assert.Single(json.StdoutLines)))
        {
            Assert.False(document.RootElement.GetProperty("require_mfa").GetBoolean());
        }

        var unknown = await RunProcessAsync("signin", "nobody@acme.test");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("", unknown.Stdout);
        Assert.Contains("error: user_not_found: ", unknown.Stderr, StringComparison.Ordinal);

        var usage = await RunProcessAsync("frobnicate");
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("error: usage: Unknown command or argument 'frobnicate'. (see mfa-cli --help)", Assert.Single(usage.StderrLines));
    }

    private async Task<CliRun> RunProcessAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "mfa-cli.dll");
        Assert.True(File.Exists(cli), $"the CLI is built beside the tests: {cli}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _cli.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(_cli.Database);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
