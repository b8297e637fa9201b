namespace Mfa.Samples.Cli;

/// <summary>The CLI's exit codes; scripts can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The engine refused: wrong or replayed code, locked out, factor not allowed, actor not permitted, …</summary>
    public const int Refused = 1;

    /// <summary>A usage error, or input rejected as invalid (malformed code or phone number, unknown country or user).</summary>
    public const int InvalidInput = 2;

    /// <summary>Something unexpected went wrong (database unreadable, disk full, a bug).</summary>
    public const int Unexpected = 3;
}
