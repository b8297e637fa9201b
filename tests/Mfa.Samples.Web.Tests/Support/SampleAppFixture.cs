using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Mfa.Sms.Development;

namespace Mfa.Samples.Web.Tests.Support;

/// <summary>
/// The real sample, built and started as a child process (<c>dotnet Mfa.Samples.Web.dll --urls http://127.0.0.1:PORT</c>)
/// with its database, keys and SMS outbox in a fresh temp folder, plus a headless Chromium. One per test class.
/// </summary>
public sealed partial class SampleAppFixture : IAsyncLifetime
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("MFA_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private readonly StringBuilder _log = new();
    private Process? _process;
    private IPlaywright? _playwright;

    /// <summary>The sample's address, e.g. http://127.0.0.1:43125.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The temp folder holding the database, keys and outbox.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "mfa-web-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Why the tests cannot run here, when they cannot.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>What the tests know about each user's factor (secret, phone, last TOTP step used).</summary>
    public Dictionary<string, KnownFactor> Factors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The development SMS outbox the app writes to.</summary>
    public DevelopmentSmsOutbox Outbox => new(Path.Combine(DataDirectory, "sms-outbox.jsonl"));

    /// <summary>Where screenshots go (kept as test artifacts).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath}: run .ci/setup/30-chromium.sh (apt-get install chromium) to run the browser tests.";
            if (IsCi)
            {
                throw new InvalidOperationException(Unavailable + " CI=true: browser tests must not be skipped.");
            }

            return;
        }

        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);
        await StartAppAsync();
        _playwright = await Playwright.CreateAsync();

        // The machines are shared and loaded: give assertions the same patience as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Skips the test (locally) when the browser is missing; in CI the fixture already failed.</summary>
    public void RequireBrowser()
    {
        if (Unavailable is not null)
        {
            Assert.Skip(Unavailable);
        }
    }

    /// <summary>A fresh browser session (its own cookies) on a new page.</summary>
    public async Task<IPage> NewSessionAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The latest SMS code sent to <paramref name="e164"/> after <paramref name="afterCount"/> messages.</summary>
    public async Task<string> ReadSmsCodeAsync(string e164, int afterCount)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var messages = await Outbox.ReadAllAsync();
            if (messages.Count > afterCount && messages.Skip(afterCount).LastOrDefault(m => m.To == e164) is { } message)
            {
                return SixDigits().Match(message.Body).Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No SMS to {e164} in the outbox.");
    }

    /// <summary>How many messages the outbox holds.</summary>
    public async Task<int> OutboxCountAsync() => (await Outbox.ReadAllAsync()).Count;

    /// <summary>The app's console output so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up.
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Stops the app and starts it again on the same address and data folder (database, keys, outbox kept).</summary>
    public async Task RestartAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        await StartAppAsync();
    }

    private async Task StartAppAsync()
    {
        var dll = Metadata("SampleWebDll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The sample is not built at {dll}; build Mfa.sln first.");
        }

        if (BaseUrl.Length == 0)
        {
            BaseUrl = $"http://127.0.0.1:{FreePort()}";
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", BaseUrl, "--contentRoot", Metadata("SampleWebDirectory") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Sample__DataDirectory"] = DataDirectory;
        start.Environment["Sample__AuditPageSize"] = "5";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sample.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/Account/Login"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The sample did not answer on {BaseUrl} within 90 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(SampleAppFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

/// <summary>What a test knows about a user's factor.</summary>
public sealed class KnownFactor
{
    /// <summary>The authenticator secret (Base32 manual key), for app factors.</summary>
    public string? ManualKey { get; set; }

    /// <summary>The phone (E.164), for SMS factors.</summary>
    public string? Phone { get; set; }

    /// <summary>The recovery codes shown at activation.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; set; } = [];

    /// <summary>The last TOTP time step the app accepted.</summary>
    public long LastStep { get; set; } = long.MinValue;
}
