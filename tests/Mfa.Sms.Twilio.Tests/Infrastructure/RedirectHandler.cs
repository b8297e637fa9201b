namespace Mfa.Sms.Twilio.Tests.Infrastructure;

/// <summary>
/// Sends the SDK's absolute https://api.twilio.com/... requests to a local server instead, keeping path and query
/// (how Twilio's own generator tests reach a mock). <see cref="Targets"/> may change per attempt.
/// </summary>
internal sealed class RedirectHandler(params Uri[] targets) : DelegatingHandler
{
    private int _attempts;

    /// <summary>Where each attempt goes; the last one is reused for further attempts.</summary>
    public IReadOnlyList<Uri> Targets { get; } = targets;

    /// <summary>How many requests left through this handler, refused connections included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The hosts the SDK addressed, before rewriting (to check region and edge).</summary>
    public List<string> OriginalHosts { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        var target = Targets[Math.Min(attempt, Targets.Count) - 1];
        lock (OriginalHosts)
        {
            OriginalHosts.Add(request.RequestUri!.Host);
        }

        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
