using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Secrets;

/// <summary>The default <see cref="IMfaSecretProtector"/>: ASP.NET Core Data Protection with a purpose of its own.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : IMfaSecretProtector
{
    // Changing the purpose string makes every stored secret unreadable: it is part of the storage format.
    internal const string Purpose = "Mfa.Core.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var copy = plaintext.ToArray();
        try
        {
            return _protector.Protect(copy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    public byte[] Unprotect(byte[] protectedData) => _protector.Unprotect(protectedData);
}
