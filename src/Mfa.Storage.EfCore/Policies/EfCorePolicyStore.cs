using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Policies;

/// <summary>Organization policies in the <c>OrganizationPolicies</c> table.</summary>
internal sealed class EfCorePolicyStore(DbContext context) : IMfaPolicyStore
{
    private DbSet<MfaOrganizationPolicy> Policies => context.MfaSet<MfaOrganizationPolicy>();

    public async ValueTask<MfaOrganizationPolicy?> FindAsync(string organizationId, CancellationToken cancellationToken) =>
        await Policies.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == organizationId, cancellationToken);

    public async ValueTask SaveAsync(MfaOrganizationPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await context.InTransactionAsync(
            token => context.UpsertAsync(
                t => Policies.Where(p => p.OrganizationId == policy.OrganizationId).ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.RequireMfa, policy.RequireMfa)
                        .SetProperty(p => p.AllowSms, policy.AllowSms)
                        .SetProperty(p => p.EnrollmentGracePeriod, policy.EnrollmentGracePeriod)
                        .SetProperty(p => p.RequiredSince, policy.RequiredSince)
                        .SetProperty(p => p.UpdatedAt, policy.UpdatedAt)
                        .SetProperty(p => p.UpdatedBy, policy.UpdatedBy),
                    t),
                () => new MfaOrganizationPolicy
                {
                    OrganizationId = policy.OrganizationId, RequireMfa = policy.RequireMfa, AllowSms = policy.AllowSms,
                    EnrollmentGracePeriod = policy.EnrollmentGracePeriod, RequiredSince = policy.RequiredSince,
                    UpdatedAt = policy.UpdatedAt, UpdatedBy = policy.UpdatedBy,
                },
                token),
            cancellationToken);
    }
}
