using Mfa.Storage.EfCore.Attempts;
using Mfa.Storage.EfCore.Audit;
using Mfa.Storage.EfCore.Factors;
using Mfa.Storage.EfCore.Policies;
using Mfa.Storage.EfCore.RecoveryCodes;
using Mfa.Storage.EfCore.ResetMarkers;
using Mfa.Storage.EfCore.Sms;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core stores on the MFA builder.</summary>
public static class MfaEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores MFA data through the host's <typeparamref name="TContext"/>: every store and the unit of work are scoped
    /// and share the scoped context, so the engine's transactions cover them all. Register the context itself
    /// (<c>AddDbContext&lt;TContext&gt;</c>) and call <c>modelBuilder.UseMfa()</c> in its <c>OnModelCreating</c>.
    /// Replaces stores registered earlier (e.g. <c>AddInMemoryStores()</c>).
    /// </summary>
    /// <remarks>
    /// Stores insert through <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>, which also saves changes the
    /// host has pending on the same context. A context with a retrying execution strategy works for single store
    /// calls but not inside the engine's transactions (<see cref="IMfaUnitOfWork"/>): use a context without
    /// <c>EnableRetryOnFailure</c> for MFA.
    /// </remarks>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The MFA builder returned by <c>AddMfa()</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MfaBuilder AddEntityFrameworkStores<TContext>(this MfaBuilder builder) where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        Replace<IMfaFactorStore>(services, context => new EfCoreFactorStore(context));
        Replace<IMfaRecoveryCodeStore>(services, context => new EfCoreRecoveryCodeStore(context));
        Replace<IMfaAttemptStore>(services, context => new EfCoreAttemptStore(context));
        Replace<IMfaSmsChallengeStore>(services, context => new EfCoreSmsChallengeStore(context));
        Replace<IMfaSmsQuotaStore>(services, context => new EfCoreSmsQuotaStore(context));
        Replace<IMfaPolicyStore>(services, context => new EfCorePolicyStore(context));
        Replace<IMfaResetMarkerStore>(services, context => new EfCoreResetMarkerStore(context));
        Replace<IMfaAuditStore>(services, context => new EfCoreAuditStore(context));
        Replace<IMfaUnitOfWork>(services, context => new EfCoreUnitOfWork(context));
        return builder;

        static void Replace<TStore>(IServiceCollection services, Func<DbContext, TStore> create) where TStore : class =>
            services.Replace(ServiceDescriptor.Scoped<TStore>(sp => create(GetContext<TContext>(sp))));
    }

    private static TContext GetContext<TContext>(IServiceProvider services) where TContext : DbContext =>
        services.GetService<TContext>() ?? throw new InvalidOperationException(
            $"No {typeof(TContext).Name} is registered. Register it with services.AddDbContext<{typeof(TContext).Name}>(...) before resolving MFA services.");
}
