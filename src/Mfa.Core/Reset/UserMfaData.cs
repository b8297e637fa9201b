using Mfa.Stores;

namespace Mfa.Reset;

/// <summary>Removes everything the engine keeps about a user's factors. Callers run it inside a transaction.</summary>
internal static class UserMfaData
{
    public static async ValueTask<int> RemoveAsync(MfaStores stores, string userId, CancellationToken cancellationToken)
    {
        var factors = await stores.Factors.DeleteAllAsync(userId, cancellationToken);
        await stores.RecoveryCodes.DeleteAllAsync(userId, cancellationToken);
        await stores.SmsChallenges.DeleteAllAsync(userId, cancellationToken);
        await stores.Attempts.ResetAsync(userId, cancellationToken);
        return factors;
    }
}
