using FsCheck;
using FsCheck.Fluent;
using Mfa.Samples.Cli.Tests.Support;

namespace Mfa.Samples.Cli.Tests;

/// <summary>Exit codes and stderr: usage errors and invalid input are 2, refusals 1, the unexpected 3; never a stack trace.</summary>
public sealed class ErrorHandlingTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("signin")]
    [InlineData("signin", "alice")]
    [InlineData("enroll", "alice@acme.test")]
    [InlineData("enroll", "alice@acme.test", "--method", "carrier-pigeon")]
    [InlineData("enroll", "alice@acme.test", "--method", "sms", "--country", "GB")]
    [InlineData("activate", "alice@acme.test")]
    [InlineData("policy", "acme")]
    [InlineData("policy", "acme", "--actor", "owner@acme.test", "--require-mfa", "maybe")]
    [InlineData("reset", "alice@acme.test")]
    [InlineData("signin", "alice@acme.test", "--code", "123456", "--recovery-code", "abcde-fghij")]
    [InlineData("audit", "acme", "--actor", "owner@acme.test", "--limit", "0")]
    [InlineData("signin", "alice@acme.test", "--bogus")]
    public async Task UsageErrors_ExitTwo_WithOneLine(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.AssertFailed(2, "usage");
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(_cli.Database), "a usage error touches nothing");
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var run = await _cli.RunRawAsync([]);

        run.AssertFailed(2, "usage");
    }

    [Fact]
    public async Task UnknownCommand_NamesTheWord()
    {
        var run = await _cli.RunAsync("frobnicate");

        Assert.Equal("error: usage: Unknown command or argument 'frobnicate'. (see mfa-cli --help)", run.StderrLines.Single());
    }

    [Fact]
    public async Task Help_PrintsEveryCommand_AndExitsZero()
    {
        var run = await _cli.RunRawAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "demo-seed", "policy", "enroll", "activate", "signin", "disable", "reset", "reset-self", "outbox", "audit" })
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("invalid_phone_number", "enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", "12")]
    [InlineData("invalid_phone_number", "enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", "not-a-number")]
    [InlineData("unknown_country", "enroll", "bob@acme.test", "--method", "sms", "--country", "XX", "--phone", "07400123456")]
    [InlineData("phone_number_not_mobile", "enroll", "bob@acme.test", "--method", "sms", "--country", "GB", "--phone", "02079460000")]
    [InlineData("user_not_found", "signin", "nobody@acme.test")]
    [InlineData("user_not_found", "enroll", "nobody@acme.test", "--method", "app")]
    [InlineData("user_not_found", "reset", "alice@acme.test", "--actor", "nobody@acme.test")]
    [InlineData("user_not_found", "policy", "acme", "--actor", "nobody@acme.test")]
    public async Task InvalidInput_ExitsTwo(string code, params string[] args)
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();

        (await _cli.RunAsync(args)).AssertFailed(2, code);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12ab56")]
    public async Task MalformedCode_ExitsTwo(string code)
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();
        var uri = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk().Field("uri");

        (await _cli.RunAsync("activate", "alice@acme.test", code)).AssertFailed(2, "malformed_code");
        (await _cli.RunAsync("activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk();
        (await _cli.RunAsync("signin", "alice@acme.test", "--code", code)).AssertFailed(2, "malformed_code");
    }

    [Fact]
    public async Task WrongCode_IsARefusal()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();
        var uri = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk().Field("uri");
        var right = CliFixture.TotpCode(uri);
        var wrong = right == "000000" ? "111111" : "000000";

        (await _cli.RunAsync("activate", "alice@acme.test", wrong)).AssertFailed(1, "invalid_code");
        (await _cli.RunAsync("activate", "alice@acme.test", right)).AssertOk();
    }

    [Fact]
    public async Task RepeatedWrongCodes_LockOut_WithRetryAfter()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();
        var uri = (await _cli.RunAsync("enroll", "alice@acme.test", "--method", "app")).AssertOk().Field("uri");
        (await _cli.RunAsync("activate", "alice@acme.test", CliFixture.TotpCode(uri))).AssertOk();
        var wrong = Enumerable.Range(-1, 3).Select(step => CliFixture.TotpCode(uri, step)).Contains("000000") ? "111111" : "000000";

        CliRun run;
        var attempts = 0;
        do
        {
            run = await _cli.RunAsync("--json", "signin", "alice@acme.test", "--code", wrong);
            attempts++;
        }
        while (run.ExitCode == 1 && run.Json().GetProperty("error").GetProperty("code").GetString() == "invalid_code" && attempts < 15);

        run.AssertFailed(1, "locked_out");
        Assert.Contains("(retry after ", run.Stderr, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(run.Json().GetProperty("error").GetProperty("retry_after").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task ActivateWithoutEnroll_IsARefusal()
    {
        (await _cli.RunAsync("demo-seed")).AssertOk();

        (await _cli.RunAsync("activate", "alice@acme.test", "123456")).AssertFailed(1, "no_pending_enrollment");
    }

    [Fact]
    public async Task UnreadableDatabase_ExitsThree_WithOneLine_AndNoStackTrace()
    {
        await File.WriteAllTextAsync(_cli.Database, "this is not a SQLite database, it is a text file of some length", TestContext.Current.CancellationToken);

        var run = await _cli.RunAsync("signin", "alice@acme.test");

        run.AssertFailed(3, "internal");
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_ExitsThree_WithOneLine()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await CliApp.RunAsync(["--db", _cli.Database, "demo-seed"], stdout, stderr, _cli.Environment, new CancellationToken(canceled: true));

        Assert.Equal(3, exitCode);
        Assert.StartsWith("error: cancelled: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property AnyUnknownCommand_IsAUsageError_AndTouchesNothing()
    {
        var known = new HashSet<string>(["demo-seed", "policy", "enroll", "activate", "signin", "disable", "reset", "reset-self", "outbox", "audit"]);
        var words = ArbMap.Default.GeneratorFor<NonWhiteSpaceString>()
            .Select(s => s.Get)
            .Where(w => !w.StartsWith('-') && !w.StartsWith('@') && !w.StartsWith('[') && !known.Contains(w));
        return Prop.ForAll(words.ToArbitrary(), word =>
        {
            var run = _cli.RunAsync(word, "alice@acme.test").GetAwaiter().GetResult();
            return run.ExitCode == 2
                && run.StderrLines.Length == 1
                && run.StderrLines[0].StartsWith("error: usage: ", StringComparison.Ordinal)
                && !File.Exists(_cli.Database);
        });
    }
}
