using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mfa;
using Mfa.Secrets;
using Mfa.Sms;
using Mfa.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.RaceWorker;

/// <summary>
/// The engine as the race test (seeding) and both workers (racing) wire it: EF Core stores on PostgreSQL, a secret
/// protector with a fixed key (both processes decrypt what the test encrypted), a directory that knows every race user,
/// and a clock frozen at an agreed instant (no process sees a different TOTP step).
/// </summary>
internal static class RaceEngine
{
    /// <summary>When the test enrols the users and sends the SMS codes.</summary>
    public static readonly DateTimeOffset SeedTime = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When the workers submit: four TOTP steps after the activation step (so the step raced for is new, and outside
    /// the ±1 window of the activation code), well within the SMS code lifetime (5 minutes).
    /// </summary>
    public static readonly DateTimeOffset RaceTime = SeedTime.AddMinutes(2);

    public static IServiceCollection AddRaceMfa(this IServiceCollection services, string connectionString, DateTimeOffset now)
    {
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        // Pooled contexts, as a busy host would use; each attempt still gets its own scope and context.
        services.AddDbContextPool<RaceDbContext>(o => o.UseNpgsql(connectionString));
        services.AddMfa(o => o.Issuer = "Race")
            .AddEntityFrameworkStores<RaceDbContext>()
            .AddUserDirectory<RaceUserDirectory>()
            .AddSecretProtector<RaceSecretProtector>();
        return services;
    }
}

/// <summary>Every user id of the race ("race-…") exists, without an organization.</summary>
internal sealed class RaceUserDirectory : IMfaUserDirectory
{
    public ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(userId.StartsWith("race-", StringComparison.Ordinal) ? new MfaUser(userId, userId, null) : null);
}

/// <summary>AES-GCM under a key every process of the race knows (test only: the key is in the source).</summary>
internal sealed class RaceSecretProtector : IMfaSecretProtector
{
    private static readonly byte[] Key = SHA256.HashData("Mfa.Storage.RaceWorker"u8);

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[12 + 16 + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plaintext, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        var plaintext = new byte[protectedData.Length - 28];
        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(protectedData.AsSpan(0, 12), protectedData.AsSpan(28), protectedData.AsSpan(12, 16), plaintext);
        return plaintext;
    }
}

/// <summary>A clock that never moves.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Keeps the last code sent to each number (the test seeds SMS users through the engine with it).</summary>
internal sealed class CapturingSmsSender : ISmsSender
{
    public ConcurrentDictionary<string, string> LastCode { get; } = new();

    public ValueTask<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        LastCode[message.To] = new string(message.Body.Where(char.IsAsciiDigit).ToArray());
        return ValueTask.FromResult(SmsSendResult.Accepted(Guid.NewGuid().ToString("N")));
    }
}
