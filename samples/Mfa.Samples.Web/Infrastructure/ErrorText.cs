using System.Globalization;

namespace Mfa.Samples.Web.Infrastructure;

/// <summary>An engine error as a sentence for the page.</summary>
public static class ErrorText
{
    /// <summary>The error's message, with when to retry if it says.</summary>
    public static string Of(MfaError error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        if (error.RetryAfter is not { } retry || retry <= time.GetUtcNow())
        {
            return error.Description;
        }

        var seconds = (int)Math.Ceiling((retry - time.GetUtcNow()).TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{error.Description} You can try again in {seconds} s.");
    }

    /// <summary>Whether the error means the actor may not do this at all (answered with 403).</summary>
    public static bool IsForbidden(MfaError error) =>
        error?.Code is MfaErrorCodes.NotPermitted or MfaErrorCodes.OtherOrganization;
}
