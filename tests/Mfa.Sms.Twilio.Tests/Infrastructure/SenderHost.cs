using Mfa.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Mfa.Sms.Twilio.Tests.Infrastructure;

/// <summary>
/// The sender as a host gets it: AddMfa().AddTwilioSms(...) in a service provider, start-up validation run, and the
/// named HttpClient redirected to a local server. Logs are collected.
/// </summary>
internal sealed class SenderHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SenderHost(ServiceProvider provider, RedirectHandler redirect)
    {
        _provider = provider;
        Redirect = redirect;
    }

    public ISmsSender Sender => _provider.GetRequiredService<ISmsSender>();

    public RedirectHandler Redirect { get; }

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>Options pointing at <see cref="TwilioStub"/>'s account with a From number.</summary>
    public static void StubAccount(TwilioSmsOptions o)
    {
        o.AccountSid = TwilioStub.AccountSid;
        o.AuthToken = TwilioStub.AuthToken;
        o.From = "+15005550006";
    }

    public static SenderHost Create(
        Action<TwilioSmsOptions> configure,
        Uri[] targets,
        TimeProvider? timeProvider = null,
        Func<DelegatingHandler>? extraHandler = null)
    {
        var redirect = new RedirectHandler(targets);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        if (timeProvider is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(timeProvider));
        }

        services.AddMfa(o => o.Issuer = "Contoso").AddTwilioSms(configure);
        var client = services.AddHttpClient(TwilioSmsDefaults.HttpClientName).AddHttpMessageHandler(() => redirect);
        if (extraHandler is not null)
        {
            client.AddHttpMessageHandler(extraHandler);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new SenderHost(provider, redirect);
    }

    public static SmsMessage Message(string to = "+15005550006", TimeSpan? validity = null) =>
        new(to, "Your Contoso code is 123456", validity ?? TimeSpan.FromMinutes(5));

    /// <summary>Every log line, formatted, for checks that nothing secret leaks.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message} {r.Exception}"));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
