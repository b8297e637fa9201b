using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Policy;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Logging;

namespace Mfa.Reset;

/// <summary>
/// Resets a user's MFA: by an Owner of the same organization, or by the user when their organization requires MFA.
/// Factors, pending enrolments, recovery codes, SMS codes and lock state are deleted in one transaction, and the
/// next sign-in demands enrolment.
/// </summary>
public sealed class MfaResetService
{
    private readonly MfaStores _stores;
    private readonly MfaUserResolver _users;
    private readonly OwnerAuthorization _owners;
    private readonly MfaPolicyEvaluator _policy;
    private readonly MfaAuditWriter _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MfaResetService(
        MfaStores stores,
        MfaUserResolver users,
        OwnerAuthorization owners,
        MfaPolicyEvaluator policy,
        MfaAuditWriter audit,
        TimeProvider time,
        ILogger<MfaResetService> logger)
    {
        _stores = stores;
        _users = users;
        _owners = owners;
        _policy = policy;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>An Owner resets the MFA of a user of the same organization.</summary>
    /// <param name="actorUserId">The acting user (must be an Owner).</param>
    /// <param name="targetUserId">The user to reset.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, or <see cref="MfaErrorCodes.UserNotFound"/> (actor or target), <see cref="MfaErrorCodes.NotPermitted"/>
    /// (not an Owner), <see cref="MfaErrorCodes.OtherOrganization"/> (target elsewhere).</returns>
    public async Task<MfaResult<MfaResetOutcome>> ResetUserAsync(string actorUserId, string targetUserId, CancellationToken cancellationToken = default)
    {
        // Check the actor first: a non-Owner must learn nothing about other users, not even whether they exist.
        var actor = await _users.FindAsync(actorUserId, cancellationToken);
        if (!actor.Succeeded)
        {
            return actor.Error;
        }

        if (actor.Value.Role != MfaRole.Owner || actor.Value.OrganizationId is null)
        {
            return MfaErrors.NotPermitted();
        }

        var target = await _users.FindAsync(targetUserId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error;
        }

        if (target.Value.OrganizationId is not { } organizationId)
        {
            return MfaErrors.OtherOrganization();
        }

        var authorized = await _owners.AuthorizeAsync(actorUserId, organizationId, cancellationToken);
        if (!authorized.Succeeded)
        {
            return authorized.Error;
        }

        return await ResetAsync(target.Value, authorized.Value.UserId, MfaEventTypes.AdminReset, cancellationToken);
    }

    /// <summary>
    /// The user resets their own MFA (lost phone, new app). Allowed only when their organization requires MFA;
    /// otherwise <see cref="MfaErrorCodes.SelfResetNotAllowed"/> tells them to ask an Owner. The host signs the user out.
    /// </summary>
    public async Task<MfaResult<MfaResetOutcome>> ResetSelfAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        if (await _policy.FindPolicyAsync(user, cancellationToken) is not { RequireMfa: true })
        {
            return MfaErrors.SelfResetNotAllowed();
        }

        return await ResetAsync(user, user.UserId, MfaEventTypes.SelfReset, cancellationToken);
    }

    private async Task<MfaResult<MfaResetOutcome>> ResetAsync(MfaUser target, string actorUserId, string eventType, CancellationToken cancellationToken)
    {
        int removed;
        MfaEvent reset;
        await using (var transaction = await _stores.UnitOfWork.BeginTransactionAsync(cancellationToken))
        {
            removed = await UserMfaData.RemoveAsync(_stores, target.UserId, cancellationToken);
            await _stores.ResetMarkers.SaveAsync(new MfaResetMarker { UserId = target.UserId, ResetAt = _time.GetUtcNow(), ResetBy = actorUserId }, cancellationToken);
            reset = await _audit.RecordAsync(eventType, target, cancellationToken, actorUserId: actorUserId == target.UserId ? null : actorUserId);
            await transaction.CommitAsync(cancellationToken);
        }

        MfaLog.FactorsRemoved(_logger, target.UserId, eventType, actorUserId);
        await _audit.PublishAsync(reset, cancellationToken);
        return MfaResult<MfaResetOutcome>.Success(new MfaResetOutcome(target.UserId, removed));
    }
}
