using Mfa.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Mfa.Users;

/// <summary>
/// The engine's own authorization: the actor is looked up in the host's directory (never taken from a page), must be
/// an Owner, and must belong to the organization acted on.
/// </summary>
internal sealed class OwnerAuthorization(MfaUserResolver users, ILogger<OwnerAuthorization> logger)
{
    public async ValueTask<MfaResult<MfaUser>> AuthorizeAsync(string actorUserId, string organizationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        var found = await users.FindAsync(actorUserId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var actor = found.Value;
        var error = !string.Equals(actor.OrganizationId, organizationId, StringComparison.Ordinal) ? MfaErrors.OtherOrganization()
            : actor.Role != MfaRole.Owner ? MfaErrors.NotPermitted()
            : null;
        if (error is not null)
        {
            MfaLog.NotPermitted(logger, actor.UserId, error.Code);
            return error;
        }

        return MfaResult<MfaUser>.Success(actor);
    }
}
