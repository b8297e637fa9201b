namespace Mfa.Storage.EfCore.Model;

/// <summary>Column sizes, bounded so that every provider (SQL Server included) can index the columns.</summary>
internal static class MfaColumnLengths
{
    /// <summary>Identifiers the SDK generates (factors, challenges, sends).</summary>
    public const int Id = 128;

    /// <summary>The host's user and organization identifiers.</summary>
    public const int ExternalId = 256;

    /// <summary>E.164 numbers have at most 15 digits and a plus sign; room for extensions.</summary>
    public const int PhoneNumber = 32;

    /// <summary>Keyed hashes of codes (up to SHA-512).</summary>
    public const int Hash = 64;

    /// <summary>Encrypted keys and secrets (Data Protection payloads are a few hundred bytes).</summary>
    public const int ProtectedData = 1024;

    /// <summary>Audit event types and short details.</summary>
    public const int EventType = 64;

    /// <summary>Audit detail text.</summary>
    public const int Detail = 512;
}
