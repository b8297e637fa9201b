namespace Mfa.Audit;

/// <summary>
/// Reacts to MFA events (end sessions after a reset, e-mail the user after a lockout or recovery-code use) without
/// polling. Called after the change is committed; an exception from a listener is logged and does not undo it.
/// </summary>
public interface IMfaEventListener
{
    /// <summary>Handles one event.</summary>
    ValueTask HandleAsync(MfaEvent mfaEvent, CancellationToken cancellationToken);
}
