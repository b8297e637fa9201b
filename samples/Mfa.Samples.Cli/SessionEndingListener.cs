using Mfa.Audit;
using Mfa.Samples.Data;

namespace Mfa.Samples.Cli;

/// <summary>
/// The host's half of a reset or disable: the engine removed the factors, and the host ends the user's sessions by
/// rotating their security stamp (the web sample's cookies carry the stamp they were issued with).
/// </summary>
internal sealed class SessionEndingListener(SampleUserAccounts accounts) : IMfaEventListener
{
    public async ValueTask HandleAsync(MfaEvent mfaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mfaEvent);
        if (mfaEvent.EndsSessions && mfaEvent.UserId is { } userId)
        {
            await accounts.RotateSecurityStampAsync(userId, cancellationToken);
        }
    }
}
