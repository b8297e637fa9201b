namespace Mfa.Samples.Cli;

/// <summary>A failed command: a stable code (the engine's error codes, or <c>usage</c> / <c>internal</c>), a one-line message and the exit code.</summary>
/// <param name="Code">The engine's <see cref="MfaErrorCodes"/> value, <see cref="Usage"/> or <see cref="Internal"/>.</param>
/// <param name="Message">A one-line message for people.</param>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
public sealed record CliError(string Code, string Message, int ExitCode)
{
    /// <summary>The code of command-line usage errors.</summary>
    public const string Usage = "usage";

    /// <summary>The code of unexpected failures.</summary>
    public const string Internal = "internal";

    /// <summary>The code used when the command was cancelled (Ctrl+C).</summary>
    public const string Cancelled = "cancelled";

    // The engine's answers that mean "what you typed is not valid input", as opposed to "valid, but no".
    private static readonly HashSet<string> InvalidInputCodes = new(StringComparer.Ordinal)
    {
        MfaErrorCodes.UserNotFound,
        MfaErrorCodes.MalformedCode,
        MfaErrorCodes.InvalidPhoneNumber,
        MfaErrorCodes.UnknownCountry,
        MfaErrorCodes.PhoneNumberNotMobile,
        MfaErrorCodes.PhoneNumberRequired,
    };

    /// <summary>When the caller may try again (lockout end, SMS cooldown), if the engine said.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>An engine refusal (exit 1) or invalid input (exit 2), keeping the engine's code and message.</summary>
    public static CliError FromEngine(MfaError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var exitCode = InvalidInputCodes.Contains(error.Code) ? ExitCodes.InvalidInput : ExitCodes.Refused;
        return new CliError(error.Code, error.Description, exitCode) { RetryAfter = error.RetryAfter };
    }

    /// <summary>A command-line usage error (exit 2).</summary>
    public static CliError UsageError(string message) => new(Usage, message, ExitCodes.InvalidInput);
}
