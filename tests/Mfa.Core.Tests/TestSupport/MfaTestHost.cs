using Mfa.Enrollment;
using Mfa.RecoveryCodes;
using Mfa.SignIn;
using Mfa.Stores;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>
/// The engine wired as a host would wire it (AddMfa + in-memory stores + a user directory), with a fake clock, an
/// ephemeral Data Protection key ring (nothing written to disk), fake logging and per-host metrics.
/// </summary>
internal sealed class MfaTestHost : IAsyncDisposable
{
    /// <summary>A fixed start on a 30 s (and 60 s) step boundary, plus 5 s so a step never ends "now".</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 5, TimeSpan.Zero);

    public const string UserId = "alice";
    public const string AccountName = "alice@example.com";
    public const string Issuer = "Contoso";

    private readonly IServiceScope _scope;

    private MfaTestHost(ServiceProvider services, FakeTimeProvider time, InMemoryMfaUserDirectory users)
    {
        Services = services;
        Time = time;
        Users = users;
        _scope = services.CreateScope();
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryMfaUserDirectory Users { get; }

    public InMemoryMfaStore Store => Services.GetRequiredService<InMemoryMfaStore>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public MfaEnrollmentService Enrollment => _scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>();

    public MfaSignInService SignIn => _scope.ServiceProvider.GetRequiredService<MfaSignInService>();

    public MfaRecoveryCodeService RecoveryCodes => _scope.ServiceProvider.GetRequiredService<MfaRecoveryCodeService>();

    public MfaOptions Options => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MfaOptions>>().Value;

    public static MfaTestHost Create(Action<MfaOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(Start);
        var users = new InMemoryMfaUserDirectory()
            .Add(new MfaUser(UserId, AccountName, "org-1"))
            .Add(new MfaUser("bob", "bob@example.com", "org-1"));

        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddFakeLogging(o => o.OutputSink = null);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        collection.AddMfa(o =>
            {
                o.Issuer = Issuer;
                configure?.Invoke(o);
            })
            .AddInMemoryStores();
        collection.AddSingleton<IMfaUserDirectory>(users);
        collection.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services?.Invoke(collection);

        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new MfaTestHost(provider, time, users);
    }

    /// <summary>A service from a new scope, as one web request would see it.</summary>
    public T InNewScope<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Begins an authenticator enrolment and reads the secret back from the manual entry key.</summary>
    public async Task<(AuthenticatorEnrollment Enrollment, byte[] Secret)> BeginAsync(string userId = UserId)
    {
        var begun = await Enrollment.BeginAuthenticatorAppAsync(userId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(begun.Succeeded, begun.ToString());
        return (begun.Value, Base32Encoding.ToBytes(begun.Value.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal)));
    }

    /// <summary>Begins and activates an authenticator app; returns its secret and the recovery codes.</summary>
    public async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrollAsync(string userId = UserId)
    {
        var (_, secret) = await BeginAsync(userId);
        var activated = await Enrollment.ActivateAsync(userId, CodeAt(secret), TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.ToString());
        return (secret, activated.Value.RecoveryCodes.Codes);
    }

    /// <summary>
    /// Enrols without drawing a QR code (the slow part of beginning): saves a pending factor as BeginAuthenticatorAppAsync
    /// would, then activates it through the service. For property tests that run many scenarios.
    /// </summary>
    public async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> FastEnrollAsync(string userId = UserId)
    {
        var totp = Options.Totp;
        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(totp.SecretSizeBytes);
        var now = Time.GetUtcNow();
        await Store.SavePendingAsync(
            new MfaFactor
            {
                Id = Guid.NewGuid().ToString("N"),
                UserId = userId,
                Method = MfaMethod.AuthenticatorApp,
                Status = MfaFactorStatus.Pending,
                ProtectedSecret = Services.GetRequiredService<Mfa.Secrets.IMfaSecretProtector>().Protect(secret),
                Algorithm = totp.Algorithm,
                Digits = totp.Digits,
                PeriodSeconds = totp.PeriodSeconds,
                CreatedAt = now,
                ExpiresAt = now + Options.Enrollment.PendingLifetime,
            },
            TestContext.Current.CancellationToken);
        var activated = await Enrollment.ActivateAsync(userId, CodeAt(secret), TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.ToString());
        return (secret, activated.Value.RecoveryCodes.Codes);
    }

    /// <summary>The code for the time step <paramref name="stepOffset"/> steps from now, with the configured settings.</summary>
    public string CodeAt(byte[] secret, int stepOffset = 0)
    {
        var totp = Options.Totp;
        var step = TotpCalculator.GetTimeStep(Time.GetUtcNow(), totp.PeriodSeconds) + stepOffset;
        return OneTimeCode.Format(TotpCalculator.ComputeCode(secret, step, totp.Algorithm, totp.Digits), totp.Digits);
    }

    /// <summary>A well-formed code that matches no step within ±3 of now.</summary>
    public string WrongCode(byte[] secret)
    {
        var near = Enumerable.Range(-3, 7).Select(offset => CodeAt(secret, offset)).ToHashSet(StringComparer.Ordinal);
        for (var candidate = 0; ; candidate++)
        {
            var code = OneTimeCode.Format(candidate * 7919 % 1_000_000, Options.Totp.Digits);
            if (!near.Contains(code))
            {
                return code;
            }
        }
    }

    /// <summary>Moves the clock forward by whole TOTP steps.</summary>
    public void AdvanceSteps(int steps) => Time.Advance(TimeSpan.FromSeconds(Options.Totp.PeriodSeconds * steps));

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await Services.DisposeAsync();
    }
}
