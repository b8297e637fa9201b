using Mfa.Samples.Cli.Tests.Support;

namespace Mfa.Samples.Cli.Tests;

/// <summary>The product's flows end to end, one command at a time, as a script would drive the CLI.</summary>
public sealed class ScriptedSessionTests : IDisposable
{
    // libphonenumber (and so the engine) rejects Ofcom's drama range 07700 900xxx as unallocated; 07400 123456 is
    // libphonenumber's own example of a valid GB mobile number.
    private const string BobsMobile = "07400123456";

    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task FullSession_FollowsTheProductFlows()
    {
        var seeded = (await _cli.RunAsync("demo-seed")).AssertOk();
        Assert.StartsWith("seeded: 4 user(s)", seeded.FirstLine, StringComparison.Ordinal);

        // Alice enrols an authenticator app: the URI carries the secret her app would scan.
        var enrolled = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk();
        var uri = enrolled.Field("uri");
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Equal(Uri.UnescapeDataString(uri.Split("secret=")[1].Split('&')[0]), enrolled.Field("key").Replace(" ", "", StringComparison.Ordinal));

        var activated = (await _cli.RunAsync("activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk();
        Assert.Equal("activated: app", activated.FirstLine);
        var recoveryCodes = activated.StdoutLines.Skip(2).Select(l => l.Trim()).ToArray();
        Assert.Equal(10, recoveryCodes.Length);
        Assert.All(recoveryCodes, c => Assert.Matches("^[0-9a-z]{5}-[0-9a-z]{5}$", c));

        Assert.Equal("needs: challenge app", (await _cli.RunAsync("signin", "alice@acme.test")).AssertOk().FirstLine);

        // The activation used this time step; the app's next code is inside the window and new.
        var code = CliFixture.TotpCode(uri, stepsAhead: 1);
        var verdict = (await _cli.RunAsync("signin", "alice@acme.test", "--code", code)).AssertOk();
        Assert.Equal("verdict: ok", verdict.FirstLine);
        Assert.Equal("10", verdict.Field("recovery codes left"));
        (await _cli.RunAsync("signin", "alice@acme.test", "--code", code)).AssertFailed(1, "code_replayed");

        var recovered = (await _cli.RunAsync("signin", "alice@acme.test", "--recovery-code", recoveryCodes[0])).AssertOk();
        Assert.Equal("verdict: ok (recovery code used)", recovered.FirstLine);
        Assert.Equal("9", recovered.Field("recovery codes left"));
        (await _cli.RunAsync("signin", "alice@acme.test", "--recovery-code", recoveryCodes[0])).AssertFailed(1, "invalid_code");

        // The Owner requires MFA: Bob, without a factor, must enrol; SMS only once the Owner allows it.
        var policy = (await _cli.RunAsync("policy", "acme", "--actor", "owner@acme.test", "--require-mfa", "on")).AssertOk();
        Assert.Equal("on", policy.Field("require-mfa"));
        Assert.Equal("needs: enrollment organization-requires-mfa", (await _cli.RunAsync("signin", "bob@acme.test")).AssertOk().FirstLine);
        (await _cli.RunAsync("enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", BobsMobile)).AssertFailed(1, "method_not_allowed");
        (await _cli.RunAsync("policy", "acme", "--actor", "alice@acme.test", "--sms", "on")).AssertFailed(1, "not_permitted");
        Assert.Equal("on", (await _cli.RunAsync("policy", "acme", "--actor", "owner@acme.test", "--sms", "on")).AssertOk().Field("sms"));

        var sent = (await _cli.RunAsync("enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", BobsMobile)).AssertOk();
        Assert.Equal("sms: code sent to +44 •••• ••••56", sent.FirstLine);
        var bobActivated = (await _cli.RunAsync("activate", "bob@acme.test", await _cli.LatestSmsCodeAsync())).AssertOk();
        Assert.Equal("activated: sms", bobActivated.FirstLine);
        Assert.Equal(12, bobActivated.StdoutLines.Length);

        // Bob signs in with a code sent by SMS.
        Assert.Equal("needs: challenge sms", (await _cli.RunAsync("signin", "bob@acme.test")).AssertOk().FirstLine);
        (await _cli.RunAsync("signin", "bob@acme.test", "--send-sms")).AssertOk();
        Assert.Equal("verdict: ok", (await _cli.RunAsync("signin", "bob@acme.test", "--code", await _cli.LatestSmsCodeAsync())).AssertOk().FirstLine);

        // Resets: only an Owner, only of the same organization.
        (await _cli.RunAsync("reset", "alice@acme.test", "--actor", "owner@globex.test")).AssertFailed(1, "other_organization");
        (await _cli.RunAsync("reset", "alice@acme.test", "--actor", "bob@acme.test")).AssertFailed(1, "not_permitted");
        var reset = (await _cli.RunAsync("reset", "alice@acme.test", "--actor", "owner@acme.test")).AssertOk();
        Assert.StartsWith("reset: alice@acme.test (1 factor(s) removed", reset.FirstLine, StringComparison.Ordinal);
        Assert.Equal("needs: enrollment mfa-was-reset", (await _cli.RunAsync("signin", "alice@acme.test")).AssertOk().FirstLine);

        (await _cli.RunAsync("reset-self", "bob@acme.test")).AssertOk();
        Assert.Equal("needs: enrollment mfa-was-reset", (await _cli.RunAsync("signin", "bob@acme.test")).AssertOk().FirstLine);
        (await _cli.RunAsync("disable", "bob@acme.test")).AssertFailed(1, "required_by_organization");

        // The trail, newest first.
        var audit = (await _cli.RunAsync("audit", "acme", "--actor", "owner@acme.test")).AssertOk();
        var entries = audit.StdoutLines.Skip(1).Select(l => l.Trim()).ToArray();
        Assert.StartsWith("audit: acme, newest first", audit.FirstLine, StringComparison.Ordinal);
        Assert.Contains("reset.self", entries[0], StringComparison.Ordinal);
        Assert.Contains("reset.admin", entries.First(e => e.Contains("reset.admin", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Contains("reset.admin", StringComparison.Ordinal) && e.Contains("by owner@acme.test", StringComparison.Ordinal));
        Assert.Contains("enrollment.started", entries[^1], StringComparison.Ordinal);
        var times = entries.Select(e => DateTimeOffset.Parse(e.Split("  ")[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(times.OrderByDescending(t => t), times);
        (await _cli.RunAsync("audit", "acme", "--actor", "alice@acme.test")).AssertFailed(1, "not_permitted");
    }

    [Fact]
    public async Task Disable_WhenNotRequired_RemovesTheFactor()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();
        var uri = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk().Field("uri");
        (await _cli.RunAsync("activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk();

        (await _cli.RunAsync("disable", "alice@acme.test")).AssertOk();

        Assert.Equal("needs: none", (await _cli.RunAsync("signin", "alice@acme.test")).AssertOk().FirstLine);
        (await _cli.RunAsync("disable", "alice@acme.test")).AssertFailed(1, "not_enrolled");
    }

    [Fact]
    public async Task ResetSelf_WhenNotRequired_AsksForAnOwner()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();

        (await _cli.RunAsync("reset-self", "alice@acme.test")).AssertFailed(1, "self_reset_not_allowed");
    }

    [Fact]
    public async Task Enroll_WithQr_WritesAPng()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();

        var run = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app", "--qr", "alice.png")).AssertOk();

        var file = Path.Combine(_cli.Directory, "alice.png");
        Assert.Equal(file, run.Field("qr"));
        var png = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task SecretsSurviveBetweenInvocations_ThroughPersistedKeys()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();
        var uri = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk().Field("uri");
        (await _cli.RunAsync("activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk();

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_cli.Directory, "test.keys"), "key-*.xml"));
        (await _cli.RunAsync("signin", "alice@acme.test", "--code", CliFixture.TotpCode(uri, stepsAhead: 1))).AssertOk();
    }
}
