using System.Reflection;
using Twilio.Clients;
using Twilio.Http;

namespace Mfa.Sms.Twilio;

/// <summary>
/// Builds a <see cref="TwilioRestClient"/> from the options over an HttpClient from <see cref="IHttpClientFactory"/>.
/// The global Twilio client initialiser is never used: it is process-wide state that two hosts (or tests) would share.
/// </summary>
internal sealed class TwilioRestClientFactory(IHttpClientFactory httpClientFactory)
{
    private static readonly string[] UserAgentExtensions =
        [$"mfa-sms-twilio/{typeof(TwilioRestClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"}"];

    public ITwilioRestClient Create(TwilioSmsOptions options)
    {
        // A new HttpClient per send is how IHttpClientFactory is meant to be used: handlers are pooled and rotated.
        var http = new SystemNetHttpClient(httpClientFactory.CreateClient(TwilioSmsDefaults.HttpClientName));
        var (username, password) = string.IsNullOrEmpty(options.ApiKeySid)
            ? (options.AccountSid, options.AuthToken)
            : (options.ApiKeySid, options.ApiKeySecret);

        return new TwilioRestClient(username, password, options.AccountSid, options.Region, http, options.Edge)
        {
            UserAgentExtensions = UserAgentExtensions,
        };
    }
}
