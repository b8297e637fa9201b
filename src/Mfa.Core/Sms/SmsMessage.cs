namespace Mfa.Sms;

/// <summary>
/// One SMS for an <see cref="ISmsSender"/> to deliver. The body contains a code: <see cref="ToString"/> leaves it
/// out and masks the number, so the message is safe to log by accident.
/// </summary>
public sealed class SmsMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="to">The destination in E.164 form (for example <c>+447700900123</c>).</param>
    /// <param name="body">The text, code included.</param>
    /// <param name="validityPeriod">How long the code in it is valid; providers may drop the message after that.</param>
    public SmsMessage(string to, string body, TimeSpan validityPeriod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrEmpty(body);
        if (!to.StartsWith('+') || to.Length < 8 || to.Length > 16 || !to.AsSpan(1).ContainsOnlyDigits())
        {
            throw new ArgumentException("The destination must be an E.164 number such as +447700900123.", nameof(to));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validityPeriod, TimeSpan.Zero);
        To = to;
        Body = body;
        ValidityPeriod = validityPeriod;
    }

    /// <summary>The destination in E.164 form.</summary>
    public string To { get; }

    /// <summary>The text, code included. Never log it.</summary>
    public string Body { get; }

    /// <summary>How long the code in the message is valid.</summary>
    public TimeSpan ValidityPeriod { get; }

    /// <inheritdoc />
    public override string ToString() => $"SMS to {Phones.PhoneNumberMasking.Mask(To)}";
}

file static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
