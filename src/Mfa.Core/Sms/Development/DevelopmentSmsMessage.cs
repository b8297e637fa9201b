namespace Mfa.Sms.Development;

/// <summary>One message in the <see cref="DevelopmentSmsOutbox"/>.</summary>
/// <param name="Id">The generated message identifier, as returned in <see cref="SmsSendResult.ProviderMessageId"/>.</param>
/// <param name="To">The destination in E.164 form.</param>
/// <param name="Body">The text, code included (this is a development outbox: it holds codes in clear).</param>
/// <param name="SentAt">When the message was "sent", from the <see cref="TimeProvider"/>.</param>
public sealed record DevelopmentSmsMessage(string Id, string To, string Body, DateTimeOffset SentAt)
{
    /// <inheritdoc />
    public override string ToString() => $"SMS {Id} to {Phones.PhoneNumberMasking.Mask(To)} at {SentAt:O}";
}
