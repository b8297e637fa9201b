using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Options;

namespace Mfa.Policy;

/// <summary>Reads what an organization's policy means for one user.</summary>
internal sealed class MfaPolicyEvaluator(MfaStores stores, IOptions<MfaOptions> options, TimeProvider time)
{
    public async ValueTask<MfaOrganizationPolicy?> FindPolicyAsync(MfaUser user, CancellationToken cancellationToken) =>
        user.OrganizationId is { } organizationId ? await stores.Policies.FindAsync(organizationId, cancellationToken) : null;

    /// <summary>
    /// SMS is allowed when the options allow it at all and, in an organization that requires MFA, the Owner allowed
    /// SMS for all users. While a grace period runs, an SMS factor keeps working.
    /// </summary>
    public async ValueTask<bool> IsSmsAllowedAsync(MfaUser user, CancellationToken cancellationToken) =>
        IsSmsAllowed(await FindPolicyAsync(user, cancellationToken), ignoreGrace: true);

    public bool IsSmsAllowed(MfaOrganizationPolicy? policy, bool ignoreGrace) =>
        options.Value.Enrollment.AllowSms
        && (policy is not { RequireMfa: true } || policy.AllowSms || (!ignoreGrace && GraceDeadline(policy) > time.GetUtcNow()));

    /// <summary>When the grace period of a requiring organization ends, if it has one.</summary>
    public static DateTimeOffset? GraceDeadline(MfaOrganizationPolicy? policy) =>
        policy is { RequireMfa: true, EnrollmentGracePeriod: { } grace, RequiredSince: { } since } ? since + grace : null;
}
