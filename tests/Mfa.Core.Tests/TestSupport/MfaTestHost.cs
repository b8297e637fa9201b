using System.Globalization;
using System.Text.RegularExpressions;
using Mfa.Audit;
using Mfa.Enrollment;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Reset;
using Mfa.SignIn;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>How the host protects secrets.</summary>
internal enum TestSecretProtection
{
    /// <summary>The real Data Protection protector over an ephemeral key ring (nothing written to disk).</summary>
    Ephemeral,

    /// <summary><see cref="TestSecretProtector"/>: reversible and cheap, for tests that enrol many users.</summary>
    Cheap,
}

/// <summary>
/// The engine wired as a host would wire it (AddMfa + in-memory stores + an in-memory user directory), with a fake
/// clock, a recording SMS sender, a recording event listener, fake logging, per-host metrics and an ephemeral (or cheap)
/// secret protector. One scope per host for the service properties; <see cref="InNewScope{T}"/> for another request.
/// </summary>
internal sealed partial class MfaTestHost : IAsyncDisposable, IDisposable
{
    /// <summary>The default start: a 30 s (and 60 s) step boundary plus 5 s, so a step never ends "now".</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 5, TimeSpan.Zero);

    public const string UserId = "alice";
    public const string AccountName = "alice@example.com";
    public const string Issuer = "Contoso";
    public const string UkMobile = "+447400123456";

    private readonly IServiceScope _scope;

    private MfaTestHost(ServiceProvider services, FakeTimeProvider time, InMemoryMfaUserDirectory users, RecordingSmsSender sms, RecordingEventListener events)
    {
        Services = services;
        Time = time;
        Users = users;
        Sms = sms;
        Events = events;
        _scope = services.CreateScope();
    }

    /// <summary>The root provider (singletons, new scopes).</summary>
    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryMfaUserDirectory Users { get; }

    public RecordingSmsSender Sms { get; }

    public RecordingEventListener Events { get; }

    public InMemoryMfaStore Store => Services.GetRequiredService<InMemoryMfaStore>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public MfaOptions Options => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MfaOptions>>().Value;

    public MfaEnrollmentService Enrollment => Get<MfaEnrollmentService>();

    public MfaSignInService SignIn => Get<MfaSignInService>();

    public MfaPolicyService Policy => Get<MfaPolicyService>();

    public MfaResetService Reset => Get<MfaResetService>();

    public MfaAuditService Audit => Get<MfaAuditService>();

    public MfaRecoveryCodeService RecoveryCodes => Get<MfaRecoveryCodeService>();

    /// <summary>
    /// Builds a host. <paramref name="users"/>: the directory's users (default: alice and bob in org-1; pass an empty
    /// list and <see cref="AddUser"/> for a set of your own). <paramref name="start"/>: the clock's start (default
    /// <see cref="Start"/>). <paramref name="withSmsSender"/>: register the recording sender (otherwise none, or what
    /// <paramref name="build"/> adds).
    /// </summary>
    public static MfaTestHost Create(
        Action<MfaOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<MfaBuilder>? build = null,
        bool withSmsSender = true,
        DateTimeOffset? start = null,
        IEnumerable<MfaUser>? users = null,
        TestSecretProtection protection = TestSecretProtection.Ephemeral)
    {
        var time = new FakeTimeProvider(start ?? Start);
        var directory = new InMemoryMfaUserDirectory();
        foreach (var user in users ?? [new MfaUser(UserId, AccountName, "org-1"), new MfaUser("bob", "bob@example.com", "org-1")])
        {
            directory.Add(user);
        }

        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddFakeLogging(o => o.OutputSink = null);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        var builder = collection.AddMfa(o =>
            {
                o.Issuer = Issuer;
                configure?.Invoke(o);
            })
            .AddInMemoryStores();
        if (protection == TestSecretProtection.Cheap)
        {
            builder.AddSecretProtector<TestSecretProtector>();
        }

        collection.AddSingleton<IMfaUserDirectory>(directory);
        collection.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());

        var sms = new RecordingSmsSender { Clock = time };
        var events = new RecordingEventListener();
        collection.TryAddEnumerable(ServiceDescriptor.Singleton<IMfaEventListener>(events));
        if (withSmsSender)
        {
            collection.AddSingleton<ISmsSender>(sms);
        }

        build?.Invoke(builder);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new MfaTestHost(provider, time, directory, sms, events);
    }

    /// <summary>A service from the host's scope.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service from a new scope, as one web request would see it.</summary>
    public T InNewScope<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public MfaUser AddUser(string userId, string? organizationId = "org-1", MfaRole role = MfaRole.Member)
    {
        var user = new MfaUser(userId, userId + "@example.com", organizationId, role);
        Users.Add(user);
        return user;
    }

    // ---- SMS ----

    /// <summary>The code in the last SMS the recording sender accepted.</summary>
    public string LastSmsCode() => CodeIn(Sms.Accepted[^1].Message.Body);

    public static string CodeIn(string body) => SmsCodePattern().Match(body) is { Success: true } m
        ? m.Value
        : throw new InvalidOperationException("No code in the SMS.");

    /// <summary>A 6-digit code that differs from <paramref name="code"/>.</summary>
    public static string WrongCode(string code) => ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public async Task EnrolSmsAsync(string userId, string number = UkMobile)
    {
        var begun = await Enrollment.BeginSmsAsync(userId, new PhoneNumberInput(null, number), TestContext.Current.CancellationToken);
        Assert.True(begun.Succeeded, begun.ToString());
        var activated = await Enrollment.ActivateAsync(userId, LastSmsCode(), TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.ToString());
    }

    // ---- Authenticator app ----

    /// <summary>Enrols an authenticator app and returns its Base32 secret (from the manual key, as a user would type it).</summary>
    public async Task<string> EnrolAppAsync(string userId)
    {
        var begun = await Enrollment.BeginAuthenticatorAppAsync(userId, null, TestContext.Current.CancellationToken);
        Assert.True(begun.Succeeded, begun.ToString());
        var key = begun.Value.ManualEntryKey;
        var activated = await Enrollment.ActivateAsync(userId, TotpNow(key), TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.ToString());
        return key;
    }

    /// <summary>The current TOTP code for a manual key, computed independently of the engine (Otp.NET).</summary>
    public string TotpNow(string manualKey) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(manualKey.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(Time.GetUtcNow().UtcDateTime);

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

    public void Dispose()
    {
        _scope.Dispose();
        Services.Dispose();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SmsCodePattern();
}
