using Mfa.Stores;
using Mfa.Totp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.Options;

public sealed class MfaOptionsValidationTests
{
    public static TheoryData<string, string> BadOptions => new()
    {
        { "empty issuer", "Issuer" },
        { "blank issuer", "Issuer" },
        { "issuer with colon", "Issuer" },
        { "digits 5", "Totp.Digits" },
        { "digits 9", "Totp.Digits" },
        { "window 3", "Totp.Window" },
        { "window -1", "Totp.Window" },
        { "period 10", "Totp.PeriodSeconds" },
        { "period 301", "Totp.PeriodSeconds" },
        { "secret 8 bytes", "Totp.SecretSizeBytes" },
        { "secret 65 bytes", "Totp.SecretSizeBytes" },
        { "unknown algorithm", "Totp.Algorithm" },
        { "recovery count 0", "RecoveryCodes.Count" },
        { "recovery length 9", "RecoveryCodes.Length" },
        { "pending lifetime 0", "Enrollment.PendingLifetime" },
        { "max failed 0", "Throttling.MaxFailedAttempts" },
        { "free above max", "Throttling.FreeAttempts" },
        { "lockout 0", "Throttling.LockoutDuration" },
        { "negative backoff", "Throttling.BackoffBase" },
    };

    private static void Apply(string name, MfaOptions o)
    {
        switch (name)
        {
            case "empty issuer": o.Issuer = ""; break;
            case "blank issuer": o.Issuer = "   "; break;
            case "issuer with colon": o.Issuer = "Contoso:Ltd"; break;
            case "digits 5": o.Totp.Digits = 5; break;
            case "digits 9": o.Totp.Digits = 9; break;
            case "window 3": o.Totp.Window = 3; break;
            case "window -1": o.Totp.Window = -1; break;
            case "period 10": o.Totp.PeriodSeconds = 10; break;
            case "period 301": o.Totp.PeriodSeconds = 301; break;
            case "secret 8 bytes": o.Totp.SecretSizeBytes = 8; break;
            case "secret 65 bytes": o.Totp.SecretSizeBytes = 65; break;
            case "unknown algorithm": o.Totp.Algorithm = (TotpAlgorithm)42; break;
            case "recovery count 0": o.RecoveryCodes.Count = 0; break;
            case "recovery length 9": o.RecoveryCodes.Length = 9; break;
            case "pending lifetime 0": o.Enrollment.PendingLifetime = TimeSpan.Zero; break;
            case "max failed 0": o.Throttling.MaxFailedAttempts = 0; o.Throttling.FreeAttempts = 0; break;
            case "free above max": o.Throttling.FreeAttempts = 11; break;
            case "lockout 0": o.Throttling.LockoutDuration = TimeSpan.Zero; break;
            case "negative backoff": o.Throttling.BackoffBase = TimeSpan.FromSeconds(-1); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void AddMfa_BadOption_FailsAtStartNamingTheSetting(string bad, string setting)
    {
        var services = new ServiceCollection();
        services.AddMfa(o =>
        {
            o.Issuer = "Contoso";
            Apply(bad, o);
        }).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value);
        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MfaOptions." + setting, ex.Message, StringComparison.Ordinal);
        Assert.Contains("MfaOptions." + setting, atStart.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMfa_WithoutConfigure_FailsForMissingIssuer()
    {
        var services = new ServiceCollection();
        services.AddMfa();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.Contains("Issuer", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 15, 0, 16, 1)]
    [InlineData(8, 300, 2, 64, 50)]
    public void AddMfa_BoundaryValues_AreValid(int digits, int period, int window, int secretBytes, int recoveryCount)
    {
        var services = new ServiceCollection();
        services.AddMfa(o =>
        {
            o.Issuer = "Contoso Ünïcode";
            o.Totp.Digits = digits;
            o.Totp.PeriodSeconds = period;
            o.Totp.Window = window;
            o.Totp.SecretSizeBytes = secretBytes;
            o.RecoveryCodes.Count = recoveryCount;
        });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;

        Assert.Equal(digits, options.Totp.Digits);
    }
}
