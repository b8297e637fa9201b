using System.Globalization;
using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Logging;

namespace Mfa.Policy;

/// <summary>
/// Organization policy: require MFA for all users, then optionally allow SMS for all users, with an optional
/// enrolment grace period. Only Owners of the organization change it; its members can read it.
/// </summary>
public sealed class MfaPolicyService
{
    private static readonly TimeSpan MaxGracePeriod = TimeSpan.FromDays(90);

    private readonly MfaStores _stores;
    private readonly MfaUserResolver _users;
    private readonly OwnerAuthorization _owners;
    private readonly MfaAuditWriter _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MfaPolicyService(
        MfaStores stores,
        MfaUserResolver users,
        OwnerAuthorization owners,
        MfaAuditWriter audit,
        TimeProvider time,
        ILogger<MfaPolicyService> logger)
    {
        _stores = stores;
        _users = users;
        _owners = owners;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reads the policy of the actor's own organization.</summary>
    /// <returns>The policy, or <see cref="MfaErrorCodes.UserNotFound"/> / <see cref="MfaErrorCodes.OtherOrganization"/>.</returns>
    public async Task<MfaResult<MfaPolicy>> GetAsync(string actorUserId, string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        var actor = await _users.FindAsync(actorUserId, cancellationToken);
        if (!actor.Succeeded)
        {
            return actor.Error;
        }

        if (!string.Equals(actor.Value.OrganizationId, organizationId, StringComparison.Ordinal))
        {
            return MfaErrors.OtherOrganization();
        }

        return MfaResult<MfaPolicy>.Success(ToPolicy(organizationId, await _stores.Policies.FindAsync(organizationId, cancellationToken)));
    }

    /// <summary>Changes the policy. The actor must be an Owner of <paramref name="organizationId"/>.</summary>
    /// <returns>The new policy, or <see cref="MfaErrorCodes.NotPermitted"/>, <see cref="MfaErrorCodes.OtherOrganization"/>,
    /// <see cref="MfaErrorCodes.UserNotFound"/>, <see cref="MfaErrorCodes.InvalidPolicy"/>.</returns>
    public async Task<MfaResult<MfaPolicy>> ChangeAsync(string actorUserId, string organizationId, MfaPolicyChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actor = await _owners.AuthorizeAsync(actorUserId, organizationId, cancellationToken);
        if (!actor.Succeeded)
        {
            return actor.Error;
        }

        var now = _time.GetUtcNow();
        var current = await _stores.Policies.FindAsync(organizationId, cancellationToken);
        var requireMfa = change.RequireMfa ?? current?.RequireMfa ?? false;
        var allowSms = requireMfa && (change.AllowSms ?? current?.AllowSms ?? false);
        if (change.AllowSms == true && !requireMfa)
        {
            return MfaErrors.InvalidPolicy("Allowing SMS for all users is available once MFA is required for the organization.");
        }

        var grace = change.EnrollmentGracePeriod ?? current?.EnrollmentGracePeriod;
        if (grace < TimeSpan.Zero || grace > MaxGracePeriod)
        {
            return MfaErrors.InvalidPolicy("The grace period must be between 0 and 90 days.");
        }

        var updated = new MfaOrganizationPolicy
        {
            OrganizationId = organizationId,
            RequireMfa = requireMfa,
            AllowSms = allowSms,
            EnrollmentGracePeriod = grace == TimeSpan.Zero ? null : grace,
            RequiredSince = !requireMfa ? null : current is { RequireMfa: true, RequiredSince: { } since } ? since : now,
            UpdatedAt = now,
            UpdatedBy = actor.Value.UserId,
        };

        var description = Describe(updated);
        MfaEvent changed;
        await using (var transaction = await _stores.UnitOfWork.BeginTransactionAsync(cancellationToken))
        {
            await _stores.Policies.SaveAsync(updated, cancellationToken);
            changed = await _audit.RecordAsync(MfaEventTypes.PolicyChanged, null, cancellationToken, detail: description, actorUserId: actor.Value.UserId, organizationId: organizationId);
            await transaction.CommitAsync(cancellationToken);
        }

        MfaLog.PolicyChanged(_logger, organizationId, actor.Value.UserId, description);
        await _audit.PublishAsync(changed, cancellationToken);
        return MfaResult<MfaPolicy>.Success(ToPolicy(organizationId, updated));
    }

    private static MfaPolicy ToPolicy(string organizationId, MfaOrganizationPolicy? stored) => stored is null
        ? new MfaPolicy(organizationId, false, false, null, null)
        : new MfaPolicy(organizationId, stored.RequireMfa, stored.AllowSms, stored.EnrollmentGracePeriod, stored.RequiredSince);

    private static string Describe(MfaOrganizationPolicy policy) => string.Create(
        CultureInfo.InvariantCulture,
        $"require_mfa={(policy.RequireMfa ? "on" : "off")} allow_sms={(policy.AllowSms ? "on" : "off")} grace={(policy.EnrollmentGracePeriod is { } g ? g.ToString() : "none")}");
}
