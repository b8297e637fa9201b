using Mfa.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>The real protector, counting decryptions: one per code the engine actually checks.</summary>
internal sealed class CountingSecretProtector(IDataProtectionProvider provider) : IMfaSecretProtector
{
    private readonly DataProtectionSecretProtector _inner = new(provider);
    private int _unprotects;

    public int Unprotects => Volatile.Read(ref _unprotects);

    public byte[] Protect(ReadOnlySpan<byte> plaintext) => _inner.Protect(plaintext);

    public byte[] Unprotect(byte[] protectedData)
    {
        Interlocked.Increment(ref _unprotects);
        return _inner.Unprotect(protectedData);
    }

    public void Reset() => Volatile.Write(ref _unprotects, 0);
}
