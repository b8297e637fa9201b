using Mfa.Samples.Cli.Tests.Support;

namespace Mfa.Samples.Cli.Tests;

/// <summary>Which database a command uses: <c>--db</c>, else <c>MFA_CLI_DB</c>, else <c>./mfa-cli.db</c>; keys and outbox beside it.</summary>
public sealed class DatabaseLocationTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ResolvePaths_PrefersOption_ThenVariable_ThenDefault()
    {
        var environment = new CliEnvironment("/work/here", name => name == CliEnvironment.DatabaseVariable ? "/data/from-env.db" : null);

        Assert.Equal("/work/here/x.db", environment.ResolvePaths("x.db").Database);
        Assert.Equal("/data/from-env.db", environment.ResolvePaths(null).Database);
        Assert.Equal("/work/here/mfa-cli.db", (environment with { GetVariable = _ => null }).ResolvePaths(null).Database);
    }

    [Fact]
    public void ForDatabase_PutsKeysAndOutboxBesideIt()
    {
        var paths = CliPaths.ForDatabase("/data/demo.db");

        Assert.Equal("/data/demo.keys", paths.KeysDirectory);
        Assert.Equal("/data/demo.sms-outbox.jsonl", paths.SmsOutbox);
    }

    [Fact]
    public async Task WithoutDbOption_UsesTheDefaultFileInTheCurrentDirectory()
    {
        var run = (await _cli.RunRawAsync(["demo-seed"])).AssertOk();

        var expected = Path.Combine(_cli.Directory, CliEnvironment.DefaultDatabaseFile);
        Assert.Contains(expected, run.FirstLine, StringComparison.Ordinal);
        Assert.True(File.Exists(expected));
    }

    [Fact]
    public async Task WithVariable_UsesItsFile()
    {
        var file = Path.Combine(_cli.Directory, "from-env.db");
        var environment = _cli.Environment with { GetVariable = name => name == CliEnvironment.DatabaseVariable ? file : null };

        (await _cli.RunRawAsync(["demo-seed"], environment)).AssertOk();

        Assert.True(File.Exists(file));
    }
}
