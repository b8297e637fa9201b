using System.Text;
using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Sending;

/// <summary>What the sender puts in the request to Twilio.</summary>
public sealed class TwilioSmsSenderRequestTests : IAsyncLifetime
{
    private TwilioStub _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await TwilioStub.StartAsync();

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    [Fact]
    public async Task Send_WithFrom_PostsToBodyFromAndValidityPeriodInSeconds()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress]);

        await host.Sender.SendAsync(SenderHost.Message("+447700900123", TimeSpan.FromMinutes(5)), TestContext.Current.CancellationToken);

        var form = Assert.Single(_stub.Requests).Form;
        Assert.Equal("+447700900123", form["To"]);
        Assert.Equal("+15005550006", form["From"]);
        Assert.Equal("Your Contoso code is 123456", form["Body"]);
        Assert.Equal("300", form["ValidityPeriod"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task Send_WithMessagingService_PostsServiceSidAndNoFrom()
    {
        const string service = "MG0123456789abcdef0123456789abcdef";
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.From = null;
                o.MessagingServiceSid = service;
            },
            [_stub.BaseAddress]);

        await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        var form = Assert.Single(_stub.Requests).Form;
        Assert.Equal(service, form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Fact]
    public async Task Send_WithApiKey_AuthenticatesWithKeyOnTheAccountsPath()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.AuthToken = null;
                o.ApiKeySid = TwilioStub.ApiKeySid;
                o.ApiKeySecret = TwilioStub.ApiKeySecret;
            },
            [_stub.BaseAddress]);

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(TwilioStub.AccountSid, request.AccountSid);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioStub.ApiKeySid}:{TwilioStub.ApiKeySecret}")), request.Authorization);
        Assert.Contains("mfa-sms-twilio/", request.UserAgent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.4, "1")]
    [InlineData(299.9, "299")]
    [InlineData(36_000, "36000")]
    [InlineData(86_400, "36000")]
    public async Task Send_ValidityPeriod_IsWholeSecondsClampedToTwiliosRange(double seconds, string expected)
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress]);

        await host.Sender.SendAsync(SenderHost.Message(validity: TimeSpan.FromSeconds(seconds)), TestContext.Current.CancellationToken);

        Assert.Equal(expected, Assert.Single(_stub.Requests).Form["ValidityPeriod"]);
    }

    [Fact]
    public async Task Send_WithRegionAndEdge_AddressesTheRegionalHost()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.Region = "ie1";
                o.Edge = "dublin";
            },
            [_stub.BaseAddress]);

        await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal("api.dublin.ie1.twilio.com", Assert.Single(host.Redirect.OriginalHosts));
    }
}
