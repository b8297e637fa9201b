using System.Security.Cryptography;
using Mfa.Secrets;
using Mfa.Stores;
using Microsoft.Extensions.Options;

namespace Mfa.Totp;

/// <summary>Checks a code against a stored TOTP factor: decrypts its secret, looks around now, forgets the secret.</summary>
internal sealed class TotpCodeChecker(IMfaSecretProtector protector, IOptions<MfaOptions> options, TimeProvider time)
{
    /// <summary>The matching time step within the configured window, or <see langword="null"/>.</summary>
    public long? FindMatchingStep(MfaFactor factor, int code)
    {
        if (factor.ProtectedSecret is null)
        {
            throw new InvalidOperationException($"Factor {factor.Id} is an authenticator factor without a secret: the store returned an incomplete row.");
        }

        byte[] secret;
        try
        {
            secret = protector.Unprotect(factor.ProtectedSecret);
        }
        catch (CryptographicException ex)
        {
            // Never include the data or the key ring details: just say what to look at.
            throw new InvalidOperationException(
                $"The secret of factor {factor.Id} cannot be decrypted. Check that the Data Protection key ring (or your IMfaSecretProtector) is the one the secret was protected with.", ex);
        }

        try
        {
            var step = TotpCalculator.GetTimeStep(time.GetUtcNow(), factor.PeriodSeconds);
            return TotpCalculator.FindMatchingStep(secret, code, step, options.Value.Totp.Window, factor.Algorithm, factor.Digits);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
