using Mfa.Sms.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Twilio SMS sender to the MFA engine.</summary>
public static class TwilioSmsMfaBuilderExtensions
{
    /// <summary>
    /// Sends MFA text messages through Twilio, with settings bound from a configuration section, usually
    /// <c>builder.Configuration.GetSection("Mfa:Twilio")</c>. The settings are validated at start-up; a bad
    /// combination stops the host with a message naming the key to fix (for example <c>Mfa:Twilio:AccountSid</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMfa()</c>.</param>
    /// <param name="configuration">The section holding <see cref="TwilioSmsOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MfaBuilder AddTwilioSms(this MfaBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var path = configuration is IConfigurationSection { Path.Length: > 0 } section
            ? new TwilioSmsSettingsPath(section.Path)
            : TwilioSmsSettingsPath.Code;
        builder.Services.AddOptions<TwilioSmsOptions>().Bind(configuration);
        return AddCore(builder, path);
    }

    /// <summary>
    /// Sends MFA text messages through Twilio, with settings from <paramref name="configure"/>. The settings are
    /// validated at start-up: set <see cref="TwilioSmsOptions.AccountSid"/>, one kind of credential and one sender.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMfa()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MfaBuilder AddTwilioSms(this MfaBuilder builder, Action<TwilioSmsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.Configure(configure);
        return AddCore(builder, TwilioSmsSettingsPath.Code);
    }

    private static MfaBuilder AddCore(MfaBuilder builder, TwilioSmsSettingsPath path)
    {
        var services = builder.Services;
        services.AddOptions<TwilioSmsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioSmsOptions>, TwilioSmsOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(path));
        services.TryAddSingleton(TimeProvider.System);

        // Registered once: calling AddTwilioSms again only adds configuration.
        if (!services.Any(d => d.ServiceType == typeof(TwilioRestClientFactory)))
        {
            services.AddTransient<TwilioCallContextHandler>();
            services.AddSingleton<TwilioRestClientFactory>();
            services.AddHttpClient(TwilioSmsDefaults.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
                .AddHttpMessageHandler<TwilioCallContextHandler>();
        }

        return builder.AddSmsSender<TwilioSmsSender>();
    }
}
