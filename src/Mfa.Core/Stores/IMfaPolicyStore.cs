namespace Mfa.Stores;

/// <summary>Persists organizations' MFA policies.</summary>
public interface IMfaPolicyStore
{
    /// <summary>Finds an organization's policy.</summary>
    /// <returns>The policy, or <see langword="null"/> when it was never set.</returns>
    ValueTask<MfaOrganizationPolicy?> FindAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the organization's policy.</summary>
    ValueTask SaveAsync(MfaOrganizationPolicy policy, CancellationToken cancellationToken);
}
