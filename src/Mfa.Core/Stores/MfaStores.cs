using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Stores;

/// <summary>
/// The stores the engine uses, resolved together so a missing registration fails with a message naming the call that
/// registers it.
/// </summary>
internal sealed class MfaStores
{
    private const string HowToRegister =
        "Register stores on the MFA builder: services.AddMfa(...).AddEntityFrameworkStores<TContext>() (package Mfa.Storage.EfCore), or AddInMemoryStores() for tests.";

    public required IMfaFactorStore Factors { get; init; }

    public required IMfaRecoveryCodeStore RecoveryCodes { get; init; }

    public required IMfaAttemptStore Attempts { get; init; }

    public required IMfaSmsChallengeStore SmsChallenges { get; init; }

    public required IMfaSmsQuotaStore SmsQuota { get; init; }

    public required IMfaPolicyStore Policies { get; init; }

    public required IMfaResetMarkerStore ResetMarkers { get; init; }

    public required IMfaAuditStore Audit { get; init; }

    public required IMfaUnitOfWork UnitOfWork { get; init; }

    public static MfaStores Resolve(IServiceProvider services) => new()
    {
        Factors = Get<IMfaFactorStore>(services),
        RecoveryCodes = Get<IMfaRecoveryCodeStore>(services),
        Attempts = Get<IMfaAttemptStore>(services),
        SmsChallenges = Get<IMfaSmsChallengeStore>(services),
        SmsQuota = Get<IMfaSmsQuotaStore>(services),
        Policies = Get<IMfaPolicyStore>(services),
        ResetMarkers = Get<IMfaResetMarkerStore>(services),
        Audit = Get<IMfaAuditStore>(services),
        UnitOfWork = Get<IMfaUnitOfWork>(services),
    };

    private static T Get<T>(IServiceProvider services) where T : class =>
        services.GetService<T>() ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered. {HowToRegister}");
}
