using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Sending;

/// <summary>
/// Retries happen only where Twilio certainly did not send (429, no connection); waits run on a fake clock that the
/// test advances once the sender is waiting, so nothing sleeps.
/// </summary>
public sealed class TwilioSmsSenderRetryTests : IAsyncLifetime
{
    private readonly SignallingTimeProvider _time = new();
    private TwilioStub _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await TwilioStub.StartAsync();

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress], _time);
        _stub.ThenError(429, 20429, "Too Many Requests", retryAfter: "2");

        var sending = host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken).AsTask();
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.False(sending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Accepted, result.Status);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.Equal(["1", "2"], _stub.Requests.Select(r => r.Form["Attempt"]));
    }

    [Fact]
    public async Task Send_TooManyRequestsEveryTime_ReturnsRateLimitedAfterMaxRetries()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.MaxRetries = 2;
            },
            [_stub.BaseAddress],
            _time);
        for (var i = 0; i < 3; i++)
        {
            _stub.ThenError(429, 20429, "Too Many Requests", retryAfter: "1");
        }

        var sending = host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken).AsTask();
        for (var retry = 0; retry < 2; retry++)
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.RateLimited, result.Status);
        Assert.Equal("20429", result.ProviderErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanMaxRetryDelay_ReturnsRateLimitedAtOnce()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress], _time);
        _stub.ThenError(429, 20429, "Too Many Requests", retryAfter: "120");

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_Http429WithoutTwilioBodyOrRetryAfter_BacksOffThenSucceeds()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.RetryDelay = TimeSpan.FromMilliseconds(700);
            },
            [_stub.BaseAddress],
            _time);
        _stub.ThenRaw(429, "text/plain", "slow down");

        var sending = host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken).AsTask();
        await _time.WaitForTimerAsync(TimeSpan.FromMilliseconds(700));
        _time.Advance(TimeSpan.FromMilliseconds(700));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task Send_ServerError_IsNeverRetried()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress], _time);
        _stub.ThenError(503, 20503, "Service Unavailable", retryAfter: "1");

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.UnknownOutcome, result.Status);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_ConnectionRefused_RetriesThenReturnsTransientFailure()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.MaxRetries = 2;
                o.RetryDelay = TimeSpan.Zero;
            },
            [ClosedPort.Create()]);

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.TransientFailure, result.Status);
        Assert.Null(result.ProviderErrorCode);
        Assert.Equal(3, host.Redirect.Attempts);
    }

    [Fact]
    public async Task Send_ConnectionRefusedOnce_RetriesAndSucceeds()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.RetryDelay = TimeSpan.Zero;
            },
            [ClosedPort.Create(), _stub.BaseAddress]);

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, host.Redirect.Attempts);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Send_ConnectionRefusedWithRetriesOff_ReturnsTransientFailureAfterOneAttempt()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.MaxRetries = 0;
            },
            [ClosedPort.Create()]);

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.TransientFailure, result.Status);
        Assert.Equal(1, host.Redirect.Attempts);
    }

    [Fact]
    public async Task Send_NameResolutionFailureOnce_RetriesAndSucceeds()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.RetryDelay = TimeSpan.Zero;
            },
            [_stub.BaseAddress],
            extraHandler: () => new ThrowingHandler(HttpRequestError.NameResolutionError, failures: 1));

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, host.Redirect.Attempts);
    }

    [Fact]
    public async Task Send_ConnectionDroppedAfterRequestWasSent_ReturnsUnknownOutcomeWithoutRetry()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.RetryDelay = TimeSpan.Zero;
            },
            [_stub.BaseAddress],
            extraHandler: () => new ThrowingHandler(HttpRequestError.ResponseEnded, failures: 1));

        var result = await host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.UnknownOutcome, result.Status);
        Assert.Equal(1, host.Redirect.Attempts);
    }

    [Fact]
    public async Task Send_TwilioDoesNotAnswerInTime_ReturnsUnknownOutcomeWithoutRetry()
    {
        await using var host = SenderHost.Create(
            o =>
            {
                SenderHost.StubAccount(o);
                o.RequestTimeout = TimeSpan.FromSeconds(10);
            },
            [_stub.BaseAddress],
            _time);
        _stub.ThenHang();

        var sending = host.Sender.SendAsync(SenderHost.Message(), TestContext.Current.CancellationToken).AsTask();
        await _stub.WaitForRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.UnknownOutcome, result.Status);
        await _stub.RequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Single(_stub.Requests);
    }
}
