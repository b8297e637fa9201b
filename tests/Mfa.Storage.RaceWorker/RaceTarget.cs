namespace Mfa.Storage.RaceWorker;

/// <summary>
/// What one round races for: a user of its own per scenario and round, so neither the replay guard nor the throttling
/// of an earlier round interferes. The test seeds each user through the engine and leaves the code to submit in the
/// round's barrier row.
/// </summary>
public sealed record RaceTarget(string Scenario, int Round)
{
    public const string Totp = "totp";
    public const string RecoveryCode = "recovery";
    public const string SmsCode = "sms";

    public static IReadOnlyList<string> Scenarios { get; } = [Totp, RecoveryCode, SmsCode];

    public string UserId => $"race-{Scenario}-{Round}";

    /// <summary>The phone number of the round's SMS user (distinct per round, so seeding can run concurrently).</summary>
    public string PhoneNumber => FormattableString.Invariant($"+4179668{Round:D4}");
}
