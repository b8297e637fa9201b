using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>Every store and the unit of work of one scope (for a database provider: over one connection/context).</summary>
/// <param name="Factors">The factor store.</param>
/// <param name="RecoveryCodes">The recovery-code store.</param>
/// <param name="Attempts">The attempt store.</param>
/// <param name="SmsChallenges">The SMS challenge store.</param>
/// <param name="SmsQuota">The SMS quota store.</param>
/// <param name="Policies">The policy store.</param>
/// <param name="ResetMarkers">The reset-marker store.</param>
/// <param name="Audit">The audit store.</param>
/// <param name="UnitOfWork">The unit of work the stores above join.</param>
public sealed record MfaStoreSet(
    IMfaFactorStore Factors,
    IMfaRecoveryCodeStore RecoveryCodes,
    IMfaAttemptStore Attempts,
    IMfaSmsChallengeStore SmsChallenges,
    IMfaSmsQuotaStore SmsQuota,
    IMfaPolicyStore Policies,
    IMfaResetMarkerStore ResetMarkers,
    IMfaAuditStore Audit,
    IMfaUnitOfWork UnitOfWork);
