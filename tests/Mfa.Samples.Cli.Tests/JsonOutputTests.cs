using System.Text.Json;
using Mfa.Samples.Cli.Tests.Support;

namespace Mfa.Samples.Cli.Tests;

/// <summary><c>--json</c>: exactly one JSON object per command, with "ok" and the data or "error": {"code","message"}.</summary>
public sealed class JsonOutputTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task EveryCommand_PrintsOneJsonObject()
    {
        var seed = (await _cli.RunAsync("--json", "demo-seed")).AssertOk().Json();
        Assert.True(seed.GetProperty("ok").GetBoolean());
        Assert.Equal("demo-seed", seed.GetProperty("command").GetString());
        Assert.Equal(4, seed.GetProperty("users_added").GetInt32());

        // --json may also come after the command.
        var enroll = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app", "--json")).AssertOk().Json();
        var uri = enroll.GetProperty("otpauth_uri").GetString()!;
        Assert.Equal("app", enroll.GetProperty("method").GetString());
        Assert.False(string.IsNullOrEmpty(enroll.GetProperty("manual_key").GetString()));

        var activate = (await _cli.RunAsync("--json", "activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk().Json();
        Assert.Equal(10, activate.GetProperty("recovery_codes").GetArrayLength());

        var needs = (await _cli.RunAsync("--json", "signin", "alice@acme.test")).AssertOk().Json();
        Assert.Equal("challenge", needs.GetProperty("needs").GetString());
        Assert.Equal("app", needs.GetProperty("method").GetString());

        var code = CliFixture.TotpCode(uri, stepsAhead: 1);
        var verdict = (await _cli.RunAsync("--json", "signin", "alice@acme.test", "--code", code)).AssertOk().Json();
        Assert.Equal("ok", verdict.GetProperty("verdict").GetString());
        Assert.Equal(10, verdict.GetProperty("remaining_recovery_codes").GetInt32());

        var replayed = await _cli.RunAsync("--json", "signin", "alice@acme.test", "--code", code);
        replayed.AssertFailed(1, "code_replayed");
        var error = replayed.Json();
        Assert.False(error.GetProperty("ok").GetBoolean());
        Assert.Equal("code_replayed", error.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));

        var policy = (await _cli.RunAsync("--json", "policy", "acme", "--actor", "owner@acme.test", "--require-mfa", "on", "--sms", "on")).AssertOk().Json();
        Assert.True(policy.GetProperty("require_mfa").GetBoolean());
        Assert.True(policy.GetProperty("allow_sms").GetBoolean());

        var sms = (await _cli.RunAsync("--json", "enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", "+447400123456")).AssertOk().Json();
        Assert.Equal("+44 •••• ••••56", sms.GetProperty("sent_to").GetString());

        var outbox = (await _cli.RunAsync("--json", "outbox")).AssertOk().Json();
        var message = Assert.Single(outbox.GetProperty("messages").EnumerateArray());
        Assert.Equal("+447400123456", message.GetProperty("to").GetString());

        (await _cli.RunAsync("--json", "reset", "alice@acme.test", "--actor", "owner@acme.test")).AssertOk().Json();
        (await _cli.RunAsync("--json", "reset-self", "alice@acme.test")).AssertOk().Json();
        (await _cli.RunAsync("--json", "disable", "alice@acme.test")).AssertFailed(1, "required_by_organization").Json();

        var audit = (await _cli.RunAsync("--json", "audit", "acme", "--actor", "owner@acme.test")).AssertOk().Json();
        var events = audit.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("event").GetString()).ToArray();
        Assert.Equal("reset.self", events[0]);
        Assert.Equal("enrollment.started", events[^1]);
    }

    [Fact]
    public async Task UsageError_IsAlsoOneJsonObject()
    {
        var run = await _cli.RunAsync("--json", "signin");

        run.AssertFailed(2, "usage");
        var json = run.Json();
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal("usage", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidInput_IsOneJsonObject_WithTheEngineCode()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();

        var run = await _cli.RunAsync("signin", "nobody@acme.test", "--json");

        run.AssertFailed(2, "user_not_found");
        Assert.Equal(JsonValueKind.String, run.Json().GetProperty("error").GetProperty("message").ValueKind);
    }
}
