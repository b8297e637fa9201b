using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Logging;

namespace Mfa.RecoveryCodes;

/// <summary>Regenerates recovery codes and tells how many are left. Redeeming one is a sign-in: see <see cref="SignIn.MfaSignInService"/>.</summary>
public sealed class MfaRecoveryCodeService
{
    private readonly MfaStores _stores;
    private readonly MfaUserResolver _users;
    private readonly RecoveryCodeIssuer _issuer;
    private readonly MfaAuditWriter _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal MfaRecoveryCodeService(
        MfaStores stores,
        MfaUserResolver users,
        RecoveryCodeIssuer issuer,
        MfaAuditWriter audit,
        TimeProvider time,
        ILogger<MfaRecoveryCodeService> logger)
    {
        _stores = stores;
        _users = users;
        _issuer = issuer;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Replaces the user's recovery codes with a new set; the old codes stop working at once. Ask for a fresh second
    /// factor before calling this (it is a sensitive action).
    /// </summary>
    /// <returns>The new codes to show once, or <see cref="MfaErrorCodes.UserNotFound"/> / <see cref="MfaErrorCodes.NotEnrolled"/>.</returns>
    public async Task<MfaResult<RecoveryCodeSet>> RegenerateAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var user = found.Value;
        if (await _stores.Factors.FindActiveAsync(user.UserId, cancellationToken) is null)
        {
            return MfaErrors.NotEnrolled();
        }

        var codes = await _issuer.IssueAsync(user.UserId, _time.GetUtcNow(), cancellationToken);
        MfaLog.RecoveryCodesRegenerated(_logger, user.UserId);
        await _audit.RecordAndPublishAsync(MfaEventTypes.RecoveryCodesRegenerated, user, cancellationToken);
        return MfaResult<RecoveryCodeSet>.Success(new RecoveryCodeSet(codes));
    }

    /// <summary>How many unused recovery codes the user has.</summary>
    public async Task<MfaResult<int>> GetRemainingCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = await _users.FindAsync(userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        return MfaResult<int>.Success(await _stores.RecoveryCodes.CountRemainingAsync(found.Value.UserId, cancellationToken));
    }
}
