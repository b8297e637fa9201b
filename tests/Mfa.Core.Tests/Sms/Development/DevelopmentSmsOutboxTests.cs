using System.Text.Json;
using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Sms;
using Mfa.Sms.Development;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Core.Tests.Sms.Development;

public sealed class DevelopmentSmsOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mfa-outbox-tests-").FullName;
    private readonly FakeTimeProvider _time = new(EngineHost.Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_directory, "outbox.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SendAsync_AppendsJsonLine_AndReturnsAcceptedWithMessageId()
    {
        var outbox = new DevelopmentSmsOutbox(FilePath, _time);

        var result = await outbox.SendAsync(new SmsMessage("+447700900123", "Your code is 123456", TimeSpan.FromMinutes(5)), Ct);

        Assert.True(result.IsAccepted);
        Assert.False(string.IsNullOrEmpty(result.ProviderMessageId));
        var line = Assert.Single(await File.ReadAllLinesAsync(FilePath, Ct));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(result.ProviderMessageId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("+447700900123", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("Your code is 123456", json.RootElement.GetProperty("body").GetString());
        Assert.Equal(EngineHost.Start, json.RootElement.GetProperty("sentAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ReadAllAsync_ReturnsMessagesNewestLast()
    {
        var outbox = new DevelopmentSmsOutbox(FilePath, _time);
        for (var i = 0; i < 3; i++)
        {
            await outbox.SendAsync(new SmsMessage("+447700900123", $"message {i}", TimeSpan.FromMinutes(5)), Ct);
            _time.Advance(TimeSpan.FromSeconds(61));
        }

        var messages = await outbox.ReadAllAsync(Ct);

        Assert.Equal(["message 0", "message 1", "message 2"], messages.Select(m => m.Body));
        Assert.Equal(EngineHost.Start.AddSeconds(122), messages[^1].SentAt);
        Assert.Equal(3, messages.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task ReadAllAsync_OfMissingFile_IsEmpty()
    {
        var outbox = new DevelopmentSmsOutbox(Path.Combine(_directory, "nope", "outbox.jsonl"), _time);

        Assert.Empty(await outbox.ReadAllAsync(Ct));
    }

    [Fact]
    public async Task ReadAllAsync_SkipsTornLine()
    {
        var outbox = new DevelopmentSmsOutbox(FilePath, _time);
        await outbox.SendAsync(new SmsMessage("+447700900123", "first", TimeSpan.FromMinutes(5)), Ct);
        await File.AppendAllTextAsync(FilePath, "{\"id\":\"dev-x\",\"to\":\"+4477", Ct);

        var messages = await outbox.ReadAllAsync(Ct);

        Assert.Equal("first", Assert.Single(messages).Body);
    }

    [Fact]
    public async Task ClearAsync_EmptiesOutbox_AndLaterSendsStillAppend()
    {
        var outbox = new DevelopmentSmsOutbox(FilePath, _time);
        await outbox.SendAsync(new SmsMessage("+447700900123", "old", TimeSpan.FromMinutes(5)), Ct);

        await outbox.ClearAsync(Ct);
        await outbox.SendAsync(new SmsMessage("+447700900123", "new", TimeSpan.FromMinutes(5)), Ct);

        Assert.Equal("new", Assert.Single(await outbox.ReadAllAsync(Ct)).Body);
    }

    [Fact]
    public async Task TwoInstancesOnOneFile_SeeEachOthersMessages()
    {
        // Like a web app and a CLI: two outboxes over the same path, writing concurrently.
        var web = new DevelopmentSmsOutbox(FilePath, _time);
        var cli = new DevelopmentSmsOutbox(FilePath, _time);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            async () => await (i % 2 == 0 ? web : cli).SendAsync(new SmsMessage("+447700900123", $"m{i}", TimeSpan.FromMinutes(5)), Ct), Ct)));

        var seenByCli = await cli.ReadAllAsync(Ct);
        Assert.Equal(40, seenByCli.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m{i}").Order(), seenByCli.Select(m => m.Body).Order());
        Assert.Equal(40, (await File.ReadAllLinesAsync(FilePath, Ct)).Length);
    }

    [Theory]
    [InlineData("+15005550001", SmsSendStatus.InvalidRecipient, "21211")]
    [InlineData("+15005550002", SmsSendStatus.DestinationNotAllowed, "21612")]
    [InlineData("+15005550003", SmsSendStatus.DestinationNotAllowed, "21408")]
    [InlineData("+15005550004", SmsSendStatus.RecipientOptedOut, "21610")]
    [InlineData("+15005550009", SmsSendStatus.InvalidRecipient, "21614")]
    public async Task SendAsync_ToTwilioTestNumber_FailsLikeTwilio_AndWritesNothing(string to, SmsSendStatus status, string providerCode)
    {
        var outbox = new DevelopmentSmsOutbox(FilePath, _time);

        var result = await outbox.SendAsync(new SmsMessage(to, "Your code is 123456", TimeSpan.FromMinutes(5)), Ct);

        Assert.Equal(status, result.Status);
        Assert.Equal(providerCode, result.ProviderErrorCode);
        Assert.Empty(await outbox.ReadAllAsync(Ct));
    }

    [Fact]
    public async Task SendAsync_ToTwilioTestNumber_WithSimulationOff_IsAccepted()
    {
        var outbox = new DevelopmentSmsOutbox(
            Microsoft.Extensions.Options.Options.Create(new DevelopmentSmsOutboxOptions { Path = FilePath, SimulateTwilioTestNumbers = false }), _time);

        var result = await outbox.SendAsync(new SmsMessage("+15005550001", "hi", TimeSpan.FromMinutes(5)), Ct);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void DefaultPath_IsOutboxFileInCurrentDirectory()
    {
        var outbox = new DevelopmentSmsOutbox();

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "mfa-sms-outbox.jsonl"), outbox.Path);
    }

    [Fact]
    public async Task AddDevelopmentSmsOutbox_EnrolmentCodeCanBeReadFromOutbox()
    {
        using var host = new EngineHost(withSmsSender: false, build: b => b.AddDevelopmentSmsOutbox(FilePath));
        host.AddUser("alice");
        var outbox = host.Get<DevelopmentSmsOutbox>();
        Assert.Same(outbox, host.Get<ISmsSender>());

        var begun = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput("GB", "07400 123456"), Ct);
        Assert.True(begun.Succeeded, begun.ToString());
        var message = Assert.Single(await outbox.ReadAllAsync(Ct));
        var activated = await host.Enrollment.ActivateAsync("alice", EngineHost.CodeIn(message.Body), Ct);

        Assert.True(activated.Succeeded, activated.ToString());
        Assert.Equal("+447400123456", message.To);
        Assert.Equal(host.Time.GetUtcNow(), message.SentAt);
    }

    [Fact]
    public void AddDevelopmentSmsOutbox_ReplacesEarlierSender()
    {
        using var host = new EngineHost(build: b => b.AddDevelopmentSmsOutbox(FilePath));

        Assert.IsType<DevelopmentSmsOutbox>(host.Get<ISmsSender>());
        Assert.Equal(FilePath, host.Get<DevelopmentSmsOutbox>().Path);
    }
}
