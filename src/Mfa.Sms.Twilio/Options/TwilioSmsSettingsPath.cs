namespace Mfa.Sms.Twilio;

/// <summary>
/// The name under which validation messages refer to the settings: the configuration section's path (for example
/// <c>Mfa:Twilio</c>) when bound from configuration, so an operator knows which key to fix.
/// </summary>
internal sealed record TwilioSmsSettingsPath(string Prefix)
{
    public static TwilioSmsSettingsPath Code { get; } = new(nameof(TwilioSmsOptions));
}
