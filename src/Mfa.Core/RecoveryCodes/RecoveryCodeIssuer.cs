using System.Security.Cryptography;
using Mfa.Secrets;
using Mfa.Stores;
using Microsoft.Extensions.Options;

namespace Mfa.RecoveryCodes;

/// <summary>
/// Issues a new set of recovery codes: a fresh random key per set (stored encrypted), one keyed hash per code. The
/// plain codes exist only in the returned list.
/// </summary>
internal sealed class RecoveryCodeIssuer(MfaStores stores, IMfaSecretProtector protector, IOptions<MfaOptions> options)
{
    public async ValueTask<IReadOnlyList<string>> IssueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value.RecoveryCodes;
        var key = RandomNumberGenerator.GetBytes(RecoveryCodeHasher.KeySizeBytes);
        try
        {
            var codes = new string[settings.Count];
            var hashes = new byte[settings.Count][];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = RecoveryCodeFormat.Generate(settings.Length);
                hashes[i] = RecoveryCodeHasher.Hash(key, RecoveryCodeFormat.Normalize(codes[i], settings.Length)!);
            }

            await stores.RecoveryCodes.ReplaceAsync(userId, protector.Protect(key), hashes, now, cancellationToken);
            return codes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
