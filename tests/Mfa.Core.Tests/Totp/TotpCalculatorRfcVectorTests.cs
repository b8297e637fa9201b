using System.Text;
using Mfa.Totp;

namespace Mfa.Core.Tests.Totp;

/// <summary>The published test vectors of RFC 4226 (Appendix D) and RFC 6238 (Appendix B).</summary>
public sealed class TotpCalculatorRfcVectorTests
{
    // RFC 6238 Appendix B: the seed is "12345678901234567890" repeated to the hash's natural key size.
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    public static TheoryData<long, TotpAlgorithm, string> Rfc6238Vectors => new()
    {
        { 59, TotpAlgorithm.Sha1, "94287082" },
        { 59, TotpAlgorithm.Sha256, "46119246" },
        { 59, TotpAlgorithm.Sha512, "90693936" },
        { 1111111109, TotpAlgorithm.Sha1, "07081804" },
        { 1111111109, TotpAlgorithm.Sha256, "68084774" },
        { 1111111109, TotpAlgorithm.Sha512, "25091201" },
        { 1111111111, TotpAlgorithm.Sha1, "14050471" },
        { 1111111111, TotpAlgorithm.Sha256, "67062674" },
        { 1111111111, TotpAlgorithm.Sha512, "99943326" },
        { 1234567890, TotpAlgorithm.Sha1, "89005924" },
        { 1234567890, TotpAlgorithm.Sha256, "91819424" },
        { 1234567890, TotpAlgorithm.Sha512, "93441116" },
        { 2000000000, TotpAlgorithm.Sha1, "69279037" },
        { 2000000000, TotpAlgorithm.Sha256, "90698825" },
        { 2000000000, TotpAlgorithm.Sha512, "38618901" },
        { 20000000000, TotpAlgorithm.Sha1, "65353130" },
        { 20000000000, TotpAlgorithm.Sha256, "77737706" },
        { 20000000000, TotpAlgorithm.Sha512, "47863826" },
    };

    public static TheoryData<long, string> Rfc4226Vectors => new()
    {
        { 0, "755224" },
        { 1, "287082" },
        { 2, "359152" },
        { 3, "969429" },
        { 4, "338314" },
        { 5, "254676" },
        { 6, "287922" },
        { 7, "162583" },
        { 8, "399871" },
        { 9, "520489" },
    };

    [Theory]
    [MemberData(nameof(Rfc6238Vectors))]
    public void ComputeCode_Rfc6238AppendixB_MatchesPublishedValue(long unixTime, TotpAlgorithm algorithm, string expected)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixTime);
        var seed = algorithm switch
        {
            TotpAlgorithm.Sha1 => Sha1Seed,
            TotpAlgorithm.Sha256 => Sha256Seed,
            _ => Sha512Seed,
        };

        var step = TotpCalculator.GetTimeStep(time, 30);
        var code = TotpCalculator.ComputeCode(seed, step, algorithm, 8);

        Assert.Equal(expected, OneTimeCode.Format(code, 8));
    }

    [Theory]
    [MemberData(nameof(Rfc4226Vectors))]
    public void ComputeCode_Rfc4226AppendixD_MatchesPublishedHotpValue(long counter, string expected)
    {
        var code = TotpCalculator.ComputeCode(Sha1Seed, counter, TotpAlgorithm.Sha1, 6);

        Assert.Equal(expected, OneTimeCode.Format(code, 6));
    }

    [Fact]
    public void GetTimeStep_Rfc6238AppendixB_GivesPublishedCounters()
    {
        Assert.Equal(0x1L, TotpCalculator.GetTimeStep(DateTimeOffset.FromUnixTimeSeconds(59), 30));
        Assert.Equal(0x23523ECL, TotpCalculator.GetTimeStep(DateTimeOffset.FromUnixTimeSeconds(1111111109), 30));
        Assert.Equal(0x27BC86AAL, TotpCalculator.GetTimeStep(DateTimeOffset.FromUnixTimeSeconds(20000000000), 30));
    }

    [Fact]
    public void FindMatchingStep_CodeOfNeighbourStep_ReturnsThatStep()
    {
        var code = TotpCalculator.ComputeCode(Sha1Seed, 101, TotpAlgorithm.Sha1, 6);

        var step = TotpCalculator.FindMatchingStep(Sha1Seed, code, 100, 1, TotpAlgorithm.Sha1, 6);

        Assert.Equal(101, step);
    }
}
