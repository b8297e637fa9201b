namespace Mfa.RecoveryCodes;

/// <summary>
/// Newly issued recovery codes, to show the user once. They are stored only as keyed hashes and cannot be shown again.
/// <see cref="ToString"/> leaves the codes out.
/// </summary>
public sealed class RecoveryCodeSet
{
    internal RecoveryCodeSet(IReadOnlyList<string> codes) => Codes = codes;

    /// <summary>The codes, each usable once, formatted for reading (<c>7kq2m-x9d4f</c>).</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Codes.Count} recovery codes";
}
