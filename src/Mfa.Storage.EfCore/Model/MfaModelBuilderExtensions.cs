using Mfa.Storage.EfCore.Configurations;
using Mfa.Storage.EfCore.Model;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the MFA tables to a host's <see cref="DbContext"/> model.</summary>
public static class MfaModelBuilderExtensions
{
    /// <summary>
    /// Adds the MFA entities (factors, recovery codes, attempt counters, SMS challenges and send log, organization
    /// policies, reset markers, audit trail) to the model. Call it from <c>OnModelCreating</c> of the context passed to
    /// <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>, then add a migration (<c>dotnet ef migrations add AddMfa</c>).
    /// </summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="configure">Sets the schema and table prefix; by default the context's schema and prefix <c>"Mfa"</c>.</param>
    /// <returns>The model builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The table prefix was set to <see langword="null"/>.</exception>
    public static ModelBuilder UseMfa(this ModelBuilder modelBuilder, Action<MfaModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var options = new MfaModelOptions();
        configure?.Invoke(options);
        if (options.TablePrefix is null)
        {
            throw new ArgumentException("MfaModelOptions.TablePrefix cannot be null; use an empty string for no prefix.", nameof(configure));
        }

        return modelBuilder
            .ApplyConfiguration(new MfaFactorConfiguration(options))
            .ApplyConfiguration(new MfaRecoveryCodeSetConfiguration(options))
            .ApplyConfiguration(new MfaRecoveryCodeConfiguration(options))
            .ApplyConfiguration(new MfaAttemptCounterConfiguration(options))
            .ApplyConfiguration(new MfaSmsChallengeConfiguration(options))
            .ApplyConfiguration(new MfaSmsSendConfiguration(options))
            .ApplyConfiguration(new MfaSmsQuotaLockConfiguration(options))
            .ApplyConfiguration(new MfaOrganizationPolicyConfiguration(options))
            .ApplyConfiguration(new MfaResetMarkerConfiguration(options))
            .ApplyConfiguration(new MfaAuditRecordConfiguration(options));
    }
}
