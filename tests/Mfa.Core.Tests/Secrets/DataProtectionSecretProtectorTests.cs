using System.Security.Cryptography;
using Mfa.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Core.Tests.Secrets;

public sealed class DataProtectionSecretProtectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(64)]
    public void Protect_ThenUnprotect_RoundTrips(int size)
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var secret = RandomNumberGenerator.GetBytes(size);

        var ciphertext = protector.Protect(secret);

        Assert.Equal(secret, protector.Unprotect(ciphertext));
    }

    [Fact]
    public void Protect_CiphertextDoesNotContainPlaintext()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var secret = RandomNumberGenerator.GetBytes(20);

        var ciphertext = protector.Protect(secret);

        Assert.False(ciphertext.AsSpan().IndexOf(secret) >= 0);
        Assert.False(ciphertext.AsSpan().IndexOf(secret.AsSpan(0, 8)) >= 0);
        Assert.NotEqual(ciphertext, protector.Protect(secret));
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_ThrowsCryptographicException()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var ciphertext = protector.Protect(RandomNumberGenerator.GetBytes(20));
        ciphertext[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(ciphertext));
    }

    [Fact]
    public void Unprotect_WithAnotherPurpose_Fails()
    {
        var provider = new EphemeralDataProtectionProvider();
        var ciphertext = provider.CreateProtector("something-else").Protect(RandomNumberGenerator.GetBytes(20));

        Assert.ThrowsAny<CryptographicException>(() => new DataProtectionSecretProtector(provider).Unprotect(ciphertext));
    }
}
