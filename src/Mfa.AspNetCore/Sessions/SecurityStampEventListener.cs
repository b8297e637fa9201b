using Mfa.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.AspNetCore;

/// <summary>
/// Ends a user's sessions when the engine says so (<see cref="MfaEvent.EndsSessions"/>: admin reset, self reset,
/// factors removed) by rotating the user's security stamp.
/// </summary>
internal sealed class SecurityStampEventListener(IServiceProvider services) : IMfaEventListener
{
    public async ValueTask HandleAsync(MfaEvent mfaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mfaEvent);
        if (!mfaEvent.EndsSessions || mfaEvent.UserId is not { } userId)
        {
            return;
        }

        await MfaSecurityStampValidator.GetStore(services).RotateSecurityStampAsync(userId, cancellationToken);
    }
}
