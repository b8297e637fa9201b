using Mfa.Sms.Twilio.Tests.Infrastructure;

namespace Mfa.Sms.Twilio.Tests.Sending;

/// <summary>A cancelled token is the only thing that makes a send throw, and it aborts the HTTP request itself.</summary>
public sealed class TwilioSmsSenderCancellationTests : IAsyncLifetime
{
    private readonly SignallingTimeProvider _time = new();
    private TwilioStub _stub = null!;

    public async ValueTask InitializeAsync() => _stub = await TwilioStub.StartAsync();

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    [Fact]
    public async Task Send_AlreadyCancelled_ThrowsWithoutContactingTwilio()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Sender.SendAsync(SenderHost.Message(), new CancellationToken(canceled: true)).AsTask());

        Assert.Equal(0, host.Redirect.Attempts);
    }

    [Fact]
    public async Task Send_CancelledWhileWaitingForTwilio_ThrowsAndAbortsTheHttpRequest()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress]);
        _stub.ThenHang();
        using var cancellation = new CancellationTokenSource();

        var sending = host.Sender.SendAsync(SenderHost.Message(), cancellation.Token).AsTask();
        await _stub.WaitForRequestAsync();
        await cancellation.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        await _stub.RequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Send_CancelledDuringRetryWait_ThrowsWithoutAnotherRequest()
    {
        await using var host = SenderHost.Create(SenderHost.StubAccount, [_stub.BaseAddress], _time);
        _stub.ThenError(429, 20429, "Too Many Requests", retryAfter: "3");
        using var cancellation = new CancellationTokenSource();

        var sending = host.Sender.SendAsync(SenderHost.Message(), cancellation.Token).AsTask();
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Single(_stub.Requests);
    }
}
