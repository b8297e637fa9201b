using System.Text.RegularExpressions;
using Mfa.Audit;
using Mfa.Enrollment;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Reset;
using Mfa.Secrets;
using Mfa.SignIn;
using Mfa.Sms;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mfa.Core.Tests.Support;

/// <summary>
/// The engine as a host wires it: AddMfa + in-memory stores + an in-memory user directory, with a fake clock, a
/// recording SMS sender, a recording event listener and a cheap secret protector. One scope per host.
/// </summary>
internal sealed partial class EngineHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    public const string UkMobile = "+447400123456";

    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public EngineHost(Action<MfaOptions>? configure = null, Action<MfaBuilder>? build = null, bool withSmsSender = true)
    {
        Sms.Clock = Time;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        var builder = services
            .AddMfa(o =>
            {
                o.Issuer = "Contoso";
                configure?.Invoke(o);
            })
            .AddInMemoryStores()
            .AddSecretProtector<TestSecretProtector>();
        services.AddSingleton<IMfaUserDirectory>(Users);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMfaEventListener>(Events));
        if (withSmsSender)
        {
            services.AddSingleton<ISmsSender>(Sms);
        }

        build?.Invoke(builder);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryMfaUserDirectory Users { get; } = new();

    public RecordingSmsSender Sms { get; } = new();

    public RecordingEventListener Events { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public InMemoryMfaStore Store => _provider.GetRequiredService<InMemoryMfaStore>();

    public MfaEnrollmentService Enrollment => Get<MfaEnrollmentService>();

    public MfaSignInService SignIn => Get<MfaSignInService>();

    public MfaPolicyService Policy => Get<MfaPolicyService>();

    public MfaResetService Reset => Get<MfaResetService>();

    public MfaAuditService Audit => Get<MfaAuditService>();

    public MfaRecoveryCodeService RecoveryCodes => Get<MfaRecoveryCodeService>();

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public MfaUser AddUser(string userId, string? organizationId = "org-1", MfaRole role = MfaRole.Member)
    {
        var user = new MfaUser(userId, userId + "@example.com", organizationId, role);
        Users.Add(user);
        return user;
    }

    /// <summary>The code in the last SMS the recording sender accepted.</summary>
    public string LastSmsCode() => CodeIn(Sms.Accepted[^1].Message.Body);

    public static string CodeIn(string body) => CodePattern().Match(body) is { Success: true } m
        ? m.Value
        : throw new InvalidOperationException("No code in the SMS.");

    /// <summary>A 6-digit code that differs from <paramref name="code"/>.</summary>
    public static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public async Task EnrolSmsAsync(string userId, string number = UkMobile)
    {
        var begun = await Enrollment.BeginSmsAsync(userId, new PhoneNumberInput(null, number), TestContext.Current.CancellationToken);
        Assert.True(begun.Succeeded, begun.ToString());
        var activated = await Enrollment.ActivateAsync(userId, LastSmsCode(), TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.ToString());
    }

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

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}

/// <summary>Reversible and cheap (no key ring on disk); refuses data it did not produce, as a real protector would.</summary>
internal sealed class TestSecretProtector : IMfaSecretProtector
{
    private static readonly byte[] Prefix = "TSP1"u8.ToArray();

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var result = new byte[Prefix.Length + plaintext.Length];
        Prefix.CopyTo(result, 0);
        for (var i = 0; i < plaintext.Length; i++)
        {
            result[Prefix.Length + i] = (byte)(plaintext[i] ^ 0x5A);
        }

        return result;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        if (protectedData.Length < Prefix.Length || !protectedData.AsSpan(0, Prefix.Length).SequenceEqual(Prefix))
        {
            throw new System.Security.Cryptography.CryptographicException("Not protected by this protector.");
        }

        return protectedData.Skip(Prefix.Length).Select(b => (byte)(b ^ 0x5A)).ToArray();
    }
}
