namespace Mfa.Sms.Twilio;

/// <summary>Names the Twilio sender registers, for hosts that want to customise them.</summary>
public static class TwilioSmsDefaults
{
    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> the sender takes from <c>IHttpClientFactory</c>.
    /// Add handlers to it (a proxy, test doubles) with <c>services.AddHttpClient(TwilioSmsDefaults.HttpClientName)</c>.
    /// </summary>
    public const string HttpClientName = "Mfa.Sms.Twilio";
}
