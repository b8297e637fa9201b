namespace Mfa.Sms.Twilio;

/// <summary>
/// The outermost handler of the sender's HttpClient. It makes the caller's cancellation and the request timeout
/// really abort the HTTP exchange (body included), and records the status and Retry-After header for error mapping.
/// </summary>
internal sealed class TwilioCallContextHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = TwilioCallContext.Current;
        if (call is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
        var response = await base.SendAsync(request, linked.Token);
        call.StatusCode = (int)response.StatusCode;
        call.RetryAfter = response.Headers.RetryAfter;

        // Read the body under the same token: the SDK reads it afterwards without one, so a server that sends
        // headers and then stalls would otherwise hang the send past its timeout.
        await response.Content.LoadIntoBufferAsync(linked.Token);
        return response;
    }
}
