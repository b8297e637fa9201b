using Mfa.AspNetCore;
using Mfa.Samples.Data;

namespace Mfa.Samples.Web.Infrastructure;

/// <summary>The sample's security stamps, kept on its own user table.</summary>
public sealed class SampleSecurityStamps(SampleUserAccounts accounts) : IMfaSecurityStampStore
{
    /// <inheritdoc />
    public async ValueTask<string?> GetSecurityStampAsync(string userId, CancellationToken cancellationToken) =>
        await accounts.GetSecurityStampAsync(userId, cancellationToken);

    /// <inheritdoc />
    public async ValueTask RotateSecurityStampAsync(string userId, CancellationToken cancellationToken) =>
        await accounts.RotateSecurityStampAsync(userId, cancellationToken);
}
