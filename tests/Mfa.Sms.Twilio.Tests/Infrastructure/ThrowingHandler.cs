namespace Mfa.Sms.Twilio.Tests.Infrastructure;

/// <summary>Fails requests the way SocketsHttpHandler does, for failures a loopback server cannot stage (DNS).</summary>
internal sealed class ThrowingHandler(HttpRequestError error, int failures) : DelegatingHandler
{
    private int _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failures)
        {
            throw new HttpRequestException(error, $"Simulated {error}.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
