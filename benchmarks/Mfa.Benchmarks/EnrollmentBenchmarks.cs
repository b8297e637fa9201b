using BenchmarkDotNet.Attributes;
using Mfa.Enrollment;
using Mfa.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Benchmarks;

/// <summary>
/// Enrolment start on in-memory stores: a new 160-bit secret, protected with Data Protection, the otpauth:// URI, the
/// manual entry key and the PNG QR code. Each call begins a new pending enrolment for the same user (replacing the last).
/// </summary>
[MemoryDiagnoser]
public class EnrollmentBenchmarks
{
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private MfaEnrollmentService _enrollment = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<IMfaUserDirectory>(new InMemoryMfaUserDirectory().Add(new MfaUser("alice", "alice@example.com", "org-1")));
        services.AddMfa(o => o.Issuer = "Contoso").AddInMemoryStores();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        _enrollment = _scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>();
        if (!BeginAuthenticatorApp().GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("Enrolment start failed.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    [Benchmark(Description = "Mfa: BeginAuthenticatorAppAsync (secret + URI + PNG QR)")]
    public Task<MfaResult<AuthenticatorEnrollment>> BeginAuthenticatorApp() => _enrollment.BeginAuthenticatorAppAsync("alice");
}
