using Mfa;
using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Enrollment;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Reset;
using Mfa.Secrets;
using Mfa.SignIn;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Throttling;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MFA engine to a service collection.</summary>
public static class MfaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MFA engine: <see cref="MfaEnrollmentService"/>, <see cref="MfaSignInService"/>,
    /// <see cref="MfaRecoveryCodeService"/>, <see cref="MfaPolicyService"/>, <see cref="MfaResetService"/> and
    /// <see cref="MfaAuditService"/> (all scoped). Options are validated at start-up. Safe to call more than once: later
    /// calls only add configuration. Then register stores (e.g. <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>), the
    /// host's <see cref="IMfaUserDirectory"/> and an SMS sender on the returned builder.
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

        // The engine's parts have internal constructors (their dependencies are internal), so they are built here.
        services.TryAddScoped(MfaStores.Resolve);
        services.TryAddScoped(sp => new MfaUserResolver(sp.GetService<IMfaUserDirectory>()));
        services.TryAddScoped(sp => new OwnerAuthorization(sp.Get<MfaUserResolver>(), sp.Get<ILogger<OwnerAuthorization>>()));
        services.TryAddScoped(sp => new MfaPolicyEvaluator(sp.Get<MfaStores>(), sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>()));
        services.TryAddScoped(sp => new MfaAuditWriter(sp.Get<MfaStores>(), sp.GetServices<IMfaEventListener>(), sp.Get<TimeProvider>(), sp.Get<ILogger<MfaAuditWriter>>()));
        services.TryAddScoped(sp => new TotpCodeChecker(sp.Get<IMfaSecretProtector>(), sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>()));
        services.TryAddScoped(sp => new AttemptThrottle(
            sp.Get<MfaStores>(), sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>(), sp.Get<MfaAuditWriter>(), sp.Get<MfaMetrics>(), sp.Get<ILogger<AttemptThrottle>>()));
        services.TryAddScoped(sp => new RecoveryCodeIssuer(sp.Get<MfaStores>(), sp.Get<IMfaSecretProtector>(), sp.Get<IOptions<MfaOptions>>()));
        services.TryAddScoped(sp => new SmsCodeSender(
            sp.Get<MfaStores>(), sp.Get<IMfaSecretProtector>(), sp.Get<ISmsMessageFormatter>(), sp.Get<MfaAuditWriter>(), sp.Get<MfaMetrics>(),
            sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>(), sp.Get<ILogger<SmsCodeSender>>(), sp.GetService<ISmsSender>()));

        services.TryAddScoped(sp => new MfaEnrollmentService(
            sp.Get<MfaStores>(), sp.Get<MfaUserResolver>(), sp.Get<IMfaSecretProtector>(), sp.Get<TotpCodeChecker>(), sp.Get<SmsCodeSender>(),
            sp.Get<AttemptThrottle>(), sp.Get<RecoveryCodeIssuer>(), sp.Get<MfaPolicyEvaluator>(), sp.Get<MfaAuditWriter>(), sp.Get<MfaMetrics>(),
            sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>(), sp.Get<ILogger<MfaEnrollmentService>>()));
        services.TryAddScoped(sp => new MfaSignInService(
            sp.Get<MfaStores>(), sp.Get<MfaUserResolver>(), sp.Get<TotpCodeChecker>(), sp.Get<IMfaSecretProtector>(), sp.Get<SmsCodeSender>(),
            sp.Get<AttemptThrottle>(), sp.Get<MfaPolicyEvaluator>(), sp.Get<MfaAuditWriter>(), sp.Get<MfaMetrics>(),
            sp.Get<IOptions<MfaOptions>>(), sp.Get<TimeProvider>(), sp.Get<ILogger<MfaSignInService>>()));
        services.TryAddScoped(sp => new MfaRecoveryCodeService(
            sp.Get<MfaStores>(), sp.Get<MfaUserResolver>(), sp.Get<RecoveryCodeIssuer>(), sp.Get<MfaAuditWriter>(), sp.Get<TimeProvider>(),
            sp.Get<ILogger<MfaRecoveryCodeService>>()));
        services.TryAddScoped(sp => new MfaPolicyService(
            sp.Get<MfaStores>(), sp.Get<MfaUserResolver>(), sp.Get<OwnerAuthorization>(), sp.Get<MfaAuditWriter>(), sp.Get<TimeProvider>(),
            sp.Get<ILogger<MfaPolicyService>>()));
        services.TryAddScoped(sp => new MfaResetService(
            sp.Get<MfaStores>(), sp.Get<MfaUserResolver>(), sp.Get<OwnerAuthorization>(), sp.Get<MfaPolicyEvaluator>(), sp.Get<MfaAuditWriter>(),
            sp.Get<TimeProvider>(), sp.Get<ILogger<MfaResetService>>()));
        services.TryAddScoped(sp => new MfaAuditService(sp.Get<MfaStores>(), sp.Get<OwnerAuthorization>()));

        return new MfaBuilder(services);
    }

    private static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
