using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Sending;

/// <summary>Twilio's answers, as a Twilio-shaped stub on loopback gives them, mapped to send results.</summary>
public sealed class TwilioSmsSenderErrorMappingTests : IAsyncLifetime
{
    private TwilioStub _stub = null!;
    private SenderHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _stub = await TwilioStub.StartAsync();
        _host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Send_ValidNumber_ReturnsAcceptedWithMessageSid()
    {
        var result = await Send("+15005550006");

        Assert.Equal(SmsSendStatus.Accepted, result.Status);
        Assert.Equal(TwilioStub.MessageSid, result.ProviderMessageId);
    }

    [Fact]
    public async Task Send_InvalidNumber21211_ReturnsInvalidRecipient()
    {
        var result = await Send("+15005550001");

        Assert.Equal(SmsSendStatus.InvalidRecipient, result.Status);
        Assert.Equal("21211", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_CannotRoute21612_ReturnsDestinationNotAllowed()
    {
        var result = await Send("+15005550002");

        Assert.Equal(SmsSendStatus.DestinationNotAllowed, result.Status);
        Assert.Equal("21612", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_RegionNotEnabled21408_ReturnsDestinationNotAllowed()
    {
        var result = await Send("+15005550003");

        Assert.Equal(SmsSendStatus.DestinationNotAllowed, result.Status);
        Assert.Equal("21408", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_UnsubscribedRecipient21610_ReturnsRecipientOptedOut()
    {
        var result = await Send("+15005550004");

        Assert.Equal(SmsSendStatus.RecipientOptedOut, result.Status);
        Assert.Equal("21610", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_NotAMobileNumber21614_ReturnsDestinationNotAllowed()
    {
        var result = await Send("+15005550009");

        Assert.Equal(SmsSendStatus.DestinationNotAllowed, result.Status);
        Assert.Equal("21614", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_WrongCredentials20003_ReturnsConfigurationError()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.AuthToken = "ffffffffffffffffffffffffffffffff";
            },
            [_stub.BaseAddress]);

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.ConfigurationError, result.Status);
        Assert.Equal("20003", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_UnknownTwilio4xxCode_ReturnsConfigurationErrorKeepingTheCode()
    {
        _stub.ThenError(400, 21266, "'To' and 'From' number cannot be the same");

        var result = await Send("+15005550006");

        Assert.Equal(SmsSendStatus.ConfigurationError, result.Status);
        Assert.Equal("21266", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_ServerError500_ReturnsUnknownOutcomeWithoutRetry()
    {
        _stub.ThenError(500, 20500, "Internal Server Error");

        var result = await Send("+15005550006");

        Assert.Equal(SmsSendStatus.UnknownOutcome, result.Status);
        Assert.Equal("20500", result.ProviderErrorCode);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_BadGateway502WithHtmlBody_ReturnsUnknownOutcomeWithoutRetry()
    {
        _stub.ThenRaw(502, "text/html", "<html><body>Bad Gateway</body></html>");

        var result = await Send("+15005550006");

        Assert.Equal(SmsSendStatus.UnknownOutcome, result.Status);
        Assert.Equal("HTTP 502", result.ProviderErrorCode);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_CreatedWithUnreadableBody_ReturnsAcceptedWithoutSid()
    {
        _stub.ThenRaw(201, "application/json", "{ not json");

        var result = await Send("+15005550006");

        Assert.Equal(SmsSendStatus.Accepted, result.Status);
        Assert.Null(result.ProviderMessageId);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_AnyOutcome_NeverLogsBodyFullNumberOrSecret()
    {
        _stub.ThenError(500, 20500, "Internal Server Error for +15005550006");
        await Send("+15005550006");
        await Send("+15005550001");
        await Send("+15005550006");

        var logs = _host.AllLogText();

        Assert.Contains(Mfa.Phones.PhoneNumberMasking.Mask("+15005550006"), logs, StringComparison.Ordinal);
        Assert.DoesNotContain("5005550006", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("5005550001", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Your Contoso code", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TwilioStub.AuthToken, logs, StringComparison.Ordinal);
    }

    private ValueTask<SmsSendResult> Send(string to) =>
        _host.Sender.SendAsync(SenderHost.Message(to), TestContext.Current.CancellationToken);
}
