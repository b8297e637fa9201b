using System.ComponentModel;
using Mfa;
using Mfa.Audit;
using Mfa.Secrets;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="MfaServiceCollectionExtensions.AddMfa(IServiceCollection, Action{MfaOptions})"/>: registers
/// the parts the engine needs (stores, user directory, SMS sender, event handlers). Each <c>Add…</c> call replaces
/// the earlier registration of the same part.
/// </summary>
public sealed class MfaBuilder
{
    internal MfaBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension packages.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IServiceCollection Services { get; }

    /// <summary>Amends the options.</summary>
    public MfaBuilder Configure(Action<MfaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Registers the host's user directory (scoped).</summary>
    public MfaBuilder AddUserDirectory<TDirectory>() where TDirectory : class, IMfaUserDirectory
    {
        Services.Replace(ServiceDescriptor.Scoped<IMfaUserDirectory, TDirectory>());
        return this;
    }

    /// <summary>Registers the SMS provider (singleton).</summary>
    public MfaBuilder AddSmsSender<TSender>() where TSender : class, ISmsSender
    {
        Services.Replace(ServiceDescriptor.Singleton<ISmsSender, TSender>());
        return this;
    }

    /// <summary>Replaces the default (ASP.NET Core Data Protection) secret protector, e.g. with a KMS-backed one.</summary>
    public MfaBuilder AddSecretProtector<TProtector>() where TProtector : class, IMfaSecretProtector
    {
        Services.Replace(ServiceDescriptor.Singleton<IMfaSecretProtector, TProtector>());
        return this;
    }

    /// <summary>Adds a listener told about resets, factor changes, lockouts and recovery-code use (scoped; many allowed).</summary>
    public MfaBuilder AddEventListener<TListener>() where TListener : class, IMfaEventListener
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMfaEventListener, TListener>());
        return this;
    }

    /// <summary>
    /// Registers stores kept in process memory. For unit tests and experiments only: nothing survives a restart and
    /// nothing is shared between app instances. Use <c>AddEntityFrameworkStores&lt;TContext&gt;()</c> in real hosts.
    /// </summary>
    public MfaBuilder AddInMemoryStores()
    {
        Services.RemoveAll<InMemoryMfaStore>();
        Services.AddSingleton<InMemoryMfaStore>();
        ReplaceStore<IMfaFactorStore>();
        ReplaceStore<IMfaRecoveryCodeStore>();
        ReplaceStore<IMfaAttemptStore>();
        ReplaceStore<IMfaSmsChallengeStore>();
        ReplaceStore<IMfaSmsQuotaStore>();
        ReplaceStore<IMfaPolicyStore>();
        ReplaceStore<IMfaResetMarkerStore>();
        ReplaceStore<IMfaAuditStore>();
        ReplaceStore<IMfaUnitOfWork>();
        return this;
    }

    private void ReplaceStore<TStore>() where TStore : class =>
        Services.Replace(ServiceDescriptor.Singleton<TStore>(sp => (TStore)(object)sp.GetRequiredService<InMemoryMfaStore>()));
}
