namespace Mfa;

/// <summary>Recovery-code settings.</summary>
public sealed class RecoveryCodeOptions
{
    /// <summary>Codes per set, 1 to 50. Default 10.</summary>
    public int Count { get; set; } = 10;

    /// <summary>
    /// Characters per code, 10 to 32, from a 32-symbol alphabet (5 bits each; the default 10 gives 50 bits).
    /// Shown in groups of five.
    /// </summary>
    public int Length { get; set; } = 10;
}
