using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Contract;

/// <summary>
/// The sender's requests checked against Twilio's own OpenAPI description of the Messages API, served by Prism:
/// a request Prism accepts is one Twilio's published contract accepts.
/// </summary>
public sealed class TwilioContractTests(PrismFixture prism) : IClassFixture<PrismFixture>
{
    // Prism answers with the example of the description's 201 response.
    private const string ExampleMessageSid = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public async Task Send_WithFromNumber_PassesTwilioContractAndReturnsMessageSid()
    {
        prism.EnsureAvailable();
        await using var host = SenderHost.Create(SenderHost.StubAccount, [prism.BaseAddress]);

        var result = await host.Sender.SendAsync(SenderHost.Message("+447700900123"), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted, $"{result} — Prism said:\n{prism.LastOutput()}");
        Assert.Equal(ExampleMessageSid, result.ProviderMessageId);
    }

    [Fact]
    public async Task Send_WithMessagingServiceAndApiKey_PassesTwilioContractAndReturnsMessageSid()
    {
        prism.EnsureAvailable();
        await using var host = SenderHost.Create(
            o =>
            {
                o.AccountSid = TwilioStub.AccountSid;
                o.ApiKeySid = TwilioStub.ApiKeySid;
                o.ApiKeySecret = TwilioStub.ApiKeySecret;
                o.MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";
            },
            [prism.BaseAddress]);

        var result = await host.Sender.SendAsync(SenderHost.Message("+447700900123", TimeSpan.FromHours(20)), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted, $"{result} — Prism said:\n{prism.LastOutput()}");
        Assert.Equal(ExampleMessageSid, result.ProviderMessageId);
    }

    [Fact]
    public async Task Send_WithoutAuthorization_IsRejected401AndReturnsConfigurationError()
    {
        prism.EnsureAvailable();
        await using var host = SenderHost.Create(SenderHost.StubAccount, [prism.BaseAddress], extraHandler: () => new StripAuthorizationHandler());

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.ConfigurationError, result.Status);
        Assert.Equal("HTTP 401", result.ProviderErrorCode);
    }

    [Fact]
    public async Task Send_RequestMissingTo_IsRejected422AndReturnsConfigurationError()
    {
        prism.EnsureAvailable();
        await using var host = SenderHost.Create(SenderHost.StubAccount, [prism.BaseAddress], extraHandler: () => new DropFormFieldHandler("To"));

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.ConfigurationError, result.Status);
        Assert.Equal("HTTP 422", result.ProviderErrorCode);
    }

    /// <summary>Removes credentials, as a misconfigured proxy would.</summary>
    private sealed class StripAuthorizationHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = null;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Removes one form field, to show Prism really validates the body against Twilio's description.</summary>
    private sealed class DropFormFieldHandler(string field) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var kept = body.Split('&').Where(pair => !pair.StartsWith(field + "=", StringComparison.Ordinal));
            request.Content = new StringContent(string.Join('&', kept), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            request.Content.Headers.ContentType!.CharSet = null;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
