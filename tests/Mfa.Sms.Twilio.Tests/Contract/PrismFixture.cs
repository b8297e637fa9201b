using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Contract;

/// <summary>
/// Runs Stoplight Prism as a mock of Twilio's own OpenAPI description (twilio_api_v2010.json), once for the test
/// class: Prism validates every request against the description and answers with its examples. Installed by
/// .ci/setup/20-twilio-mock.sh, which exports MFA_TEST_PRISM and MFA_TEST_TWILIO_SPEC; without them the repo-local
/// .tools/ folder is tried. When Prism is absent the tests skip, except under CI=true, where they fail.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupBound = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private Process? _prism;
    private string? _unavailable;

    /// <summary>Where Prism listens, e.g. http://127.0.0.1:4010/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long Prism took to accept connections.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Skips (locally) or fails (CI) the calling test when Prism is not installed.</summary>
    public void EnsureAvailable()
    {
        if (_unavailable is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{_unavailable} CI=true, so the contract tests must run: .ci/run sources .ci/setup/20-twilio-mock.sh.");
        }

        Assert.Skip("Prism not installed: run .ci/setup/20-twilio-mock.sh");
    }

    public async ValueTask InitializeAsync()
    {
        var tools = FindToolsFolder();
        var prism = Environment.GetEnvironmentVariable("MFA_TEST_PRISM") is { Length: > 0 } p ? p : Path.Combine(tools ?? "", "node_modules", ".bin", "prism");
        var spec = Environment.GetEnvironmentVariable("MFA_TEST_TWILIO_SPEC") is { Length: > 0 } s ? s : Path.Combine(tools ?? "", "twilio-oai", "twilio_api_v2010.json");
        if (!File.Exists(prism) || !File.Exists(spec))
        {
            _unavailable = $"Prism or Twilio's API description not found (prism: '{prism}', spec: '{spec}').";
            return;
        }

        var port = ClosedPort.FreePort();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Static mode (no -d): dynamic mode's generated dates are not in the format the SDK parses.
        foreach (var argument in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        _prism = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        _prism.OutputDataReceived += (_, e) => Keep(e.Data);
        _prism.ErrorDataReceived += (_, e) => Keep(e.Data);
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();

        while (!await CanConnectAsync(port))
        {
            if (_prism.HasExited || clock.Elapsed > StartupBound)
            {
                throw new InvalidOperationException($"Prism did not listen on 127.0.0.1:{port} within {StartupBound}. Last output:\n{LastOutput()}");
            }

            await Task.Delay(100);
        }

        StartupTime = clock.Elapsed;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_prism is { HasExited: false })
        {
            _prism.Kill(entireProcessTree: true);
            await _prism.WaitForExitAsync();
        }

        _prism?.Dispose();
    }

    /// <summary>Prism's last lines of output, for failure messages.</summary>
    public string LastOutput()
    {
        lock (_output)
        {
            var text = _output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Prism lists every route at start-up; only the tail matters.
            if (_output.Length > 64_000)
            {
                _output.Remove(0, 32_000);
            }

            _output.AppendLine(line);
        }
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? FindToolsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mfa.sln")))
            {
                return Path.Combine(dir.FullName, ".tools");
            }
        }

        return null;
    }
}
