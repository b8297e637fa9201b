using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mfa.Totp;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Mfa.Benchmarks;

/// <summary>
/// One TOTP verification with a window of ±1 step (three HMAC-SHA1 computations) on a 20-byte key, the submitted code
/// being the current step's. Baseline: three bare HMACSHA1.HashData calls, the cost of the cryptography itself.
/// </summary>
[MemoryDiagnoser]
public class TotpVerificationBenchmarks
{
    private static readonly DateTime Now = new(2025, 3, 1, 9, 0, 5, DateTimeKind.Utc);

    private readonly byte[] _key = new byte[20];
    private long _step;
    private int _code;
    private string _codeText = "";
    private OtpNet.Totp _otpNet = null!;
    private ServiceProvider _identityServices = null!;
    private UserManager<BenchUser> _userManager = null!;
    private AuthenticatorTokenProvider<BenchUser> _identityProvider = null!;
    private BenchUser _identityUser = null!;
    private long _identityStep;
    private string _identityCode = "";

    [GlobalSetup]
    public void Setup()
    {
        RandomNumberGenerator.Fill(_key);
        _step = new DateTimeOffset(Now).ToUnixTimeSeconds() / 30;
        _code = TotpCalculator.ComputeCode(_key, _step, TotpAlgorithm.Sha1, 6);
        _codeText = _code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        _otpNet = new OtpNet.Totp(_key);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<BenchUser>();
        services.AddScoped<IUserStore<BenchUser>, InMemoryAuthenticatorKeyStore>();
        _identityServices = services.BuildServiceProvider();
        _userManager = _identityServices.CreateScope().ServiceProvider.GetRequiredService<UserManager<BenchUser>>();
        _identityProvider = new AuthenticatorTokenProvider<BenchUser>();
        _identityUser = new BenchUser { AuthenticatorKey = Base32Encoding.ToString(_key) };
        RefreshIdentityCode();

        if (Ours() != _step || !OtpNet() || !Identity().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("A verifier rejected the current code: the benchmark would measure a failure.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _identityServices.Dispose();

    [Benchmark(Description = "Mfa: TotpCalculator.FindMatchingStep")]
    public long? Ours() => TotpCalculator.FindMatchingStep(_key, _code, _step, 1, TotpAlgorithm.Sha1, 6);

    [Benchmark(Description = "Otp.NET 1.4.1: Totp.VerifyTotp")]
    public bool OtpNet() => _otpNet.VerifyTotp(Now, _codeText, out _, new VerificationWindow(1, 1));

    /// <summary>
    /// Identity reads the system clock itself; the code is recomputed only when the real step changes (a clock read and a
    /// compare per call). Identity checks ±2 steps (five HMACs), not ±1: its window is not configurable.
    /// </summary>
    [Benchmark(Description = "Identity 10.0.15: AuthenticatorTokenProvider.ValidateAsync")]
    public Task<bool> Identity()
    {
        if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 != _identityStep)
        {
            RefreshIdentityCode();
        }

        return _identityProvider.ValidateAsync("TwoFactor", _identityCode, _userManager, _identityUser);
    }

    // Declared last: in both first runs the baseline, measured first, came out slower than ours (an order effect).
    [Benchmark(Baseline = true, Description = "Baseline: 3 x HMACSHA1.HashData")]
    public int ThreeHmacSha1()
    {
        Span<byte> message = stackalloc byte[8];
        Span<byte> hash = stackalloc byte[20];
        var acc = 0;
        for (var candidate = _step - 1; candidate <= _step + 1; candidate++)
        {
            BinaryPrimitives.WriteInt64BigEndian(message, candidate);
            HMACSHA1.HashData(_key, message, hash);
            acc ^= hash[19];
        }

        return acc;
    }

    private void RefreshIdentityCode()
    {
        _identityStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        _identityCode = TotpCalculator.ComputeCode(_key, _identityStep, TotpAlgorithm.Sha1, 6).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
