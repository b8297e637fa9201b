namespace Mfa.Sms;

/// <summary>
/// Delivers SMS through a provider. The engine owns the code's life (generation, hashing, expiry, limits); a sender
/// only delivers. Implementations report expected failures as <see cref="SmsSendResult"/>s, throw only
/// <see cref="OperationCanceledException"/> on cancellation, and never log the message body.
/// </summary>
public interface ISmsSender
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    ValueTask<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
