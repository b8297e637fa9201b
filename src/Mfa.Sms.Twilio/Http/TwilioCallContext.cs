using System.Net.Http.Headers;

namespace Mfa.Sms.Twilio;

/// <summary>
/// One attempt's side channel between the sender and <see cref="TwilioCallContextHandler"/>, carried by an
/// <see cref="AsyncLocal{T}"/>. It exists because Twilio 8.2.0 neither passes a cancellation token down to
/// <c>HttpClient.SendAsync</c> nor keeps the HTTP status and headers (Retry-After) on its exceptions.
/// </summary>
internal sealed class TwilioCallContext(CancellationToken cancellationToken)
{
    private static readonly AsyncLocal<TwilioCallContext?> CurrentContext = new();

    /// <summary>The attempt's context, if a send is under way on this flow.</summary>
    public static TwilioCallContext? Current => CurrentContext.Value;

    /// <summary>Cancels the HTTP request: the caller's token linked with the attempt's timeout.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The HTTP status Twilio answered with; null when no response arrived.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The response's Retry-After header, if any.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; set; }

    /// <summary>Makes this the current context until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = CurrentContext.Value;
        CurrentContext.Value = this;
        return new Scope(previous);
    }

    /// <summary>Restores the previous context.</summary>
    public readonly struct Scope(TwilioCallContext? previous) : IDisposable
    {
        public void Dispose() => CurrentContext.Value = previous;
    }
}
