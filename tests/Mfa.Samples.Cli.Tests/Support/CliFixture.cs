using System.Text.RegularExpressions;
using OtpNet;

namespace Mfa.Samples.Cli.Tests.Support;

/// <summary>
/// A throw-away CLI "installation" in a temp folder: runs commands in-process against its own SQLite file (and the
/// keys and outbox beside it), and plays the user's phone (TOTP from the printed URI, SMS codes from the outbox).
/// </summary>
public sealed partial class CliFixture : IDisposable
{
    public CliFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mfa-cli-tests-").FullName;
        Database = Path.Combine(Directory, "test.db");
        Environment = new CliEnvironment(Directory, _ => null);
    }

    public string Directory { get; }

    public string Database { get; }

    public CliEnvironment Environment { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs <c>mfa-cli --db DATABASE ARGS…</c> in-process.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunRawAsync(["--db", Database, .. args]);

    /// <summary>Runs exactly <paramref name="args"/> in-process.</summary>
    public async Task<CliRun> RunRawAsync(string[] args, CliEnvironment? environment = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, environment ?? Environment, Ct);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The code an authenticator app shows for the otpauth URI, <paramref name="stepsAhead"/> time steps from now.</summary>
    public static string TotpCode(string otpAuthUri, int stepsAhead = 0)
    {
        var secret = Regex.Match(otpAuthUri, "[?&]secret=([A-Z2-7]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(secret), $"no secret in {otpAuthUri}");
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(secret));
        return totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
    }

    /// <summary>The code in the newest outbox message.</summary>
    public async Task<string> LatestSmsCodeAsync()
    {
        var outbox = (await RunAsync("outbox")).AssertOk();
        var newest = outbox.StdoutLines[^1];
        var match = SixDigits().Match(newest);
        Assert.True(match.Success, $"no code in the newest outbox line: {newest}");
        return match.Value;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open would fail the test run for nothing; the OS cleans temp folders.
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
