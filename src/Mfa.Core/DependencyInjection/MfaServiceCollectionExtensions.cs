using Mfa;
using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Secrets;
using Mfa.Sms;
using Mfa.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MFA engine to a service collection.</summary>
public static class MfaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MFA engine. Options are validated at start-up. Safe to call more than once: later calls only
    /// add configuration. Then register stores (e.g. <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>) and the
    /// host's <see cref="Mfa.Users.IMfaUserDirectory"/> on the returned builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="MfaOptions.Issuer"/> is required.</param>
    /// <returns>A builder for the engine's parts.</returns>
    public static MfaBuilder AddMfa(this IServiceCollection services, Action<MfaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<MfaOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>());
        services.AddDataProtection();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMfaSecretProtector, DataProtectionSecretProtector>();
        services.TryAddSingleton<ISmsMessageFormatter, TemplateSmsMessageFormatter>();
        services.TryAddSingleton<MfaMetrics>();

        services.TryAddScoped(MfaStores.Resolve);
        services.TryAddScoped<MfaAuditWriter>();
        // TODO-SKELETON services.TryAddScoped<AttemptThrottle>();
        // TODO-SKELETON services.TryAddScoped<RecoveryCodeIssuer>();
        // TODO-SKELETON services.TryAddScoped<SmsCodeSender>();
        // TODO-SKELETON services.TryAddScoped<MfaUserResolver>();

        // TODO-SKELETON services.TryAddScoped<MfaEnrollmentService>();
        // TODO-SKELETON services.TryAddScoped<MfaSignInService>();
        // TODO-SKELETON services.TryAddScoped<MfaRecoveryCodeService>();
        // TODO-SKELETON services.TryAddScoped<MfaPolicyService>();
        // TODO-SKELETON services.TryAddScoped<MfaResetService>();
        // TODO-SKELETON services.TryAddScoped<MfaAuditService>();

        return new MfaBuilder(services);
    }
}
