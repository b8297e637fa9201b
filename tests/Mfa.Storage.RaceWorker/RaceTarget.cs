using System.Security.Cryptography;
using System.Text;

namespace Mfa.Storage.RaceWorker;

/// <summary>
/// What one round races for. The race test seeds the same targets from the same formulas, so test and workers agree
/// without exchanging anything but the round count.
/// </summary>
public sealed record RaceTarget(string Scenario, int Round)
{
    public const string Totp = "totp";
    public const string RecoveryCode = "recovery";
    public const string SmsCode = "sms";

    public static IReadOnlyList<string> Scenarios { get; } = [Totp, RecoveryCode, SmsCode];

    public string UserId => $"race-{Scenario}-{Round}";

    public string FactorId => $"race-factor-{Round}";

    public string ChallengeId => $"race-challenge-{Round}";

    /// <summary>The valid TOTP time step submitted in this round.</summary>
    public long TimeStep => 1_000_000 + Round;

    /// <summary>The recovery code or SMS code submitted (what a user would type).</summary>
    public string Code => $"{Scenario}-code-{Round}";

    /// <summary>The keyed hash the store holds for <see cref="Code"/> (a plain SHA-256 is enough at store level).</summary>
    public byte[] CodeHash => SHA256.HashData(Encoding.UTF8.GetBytes(Code));
}
