namespace Mfa.Samples.Web.Infrastructure;

/// <summary>
/// Where the sample's SMS go: the development outbox (a file next to the database, shown on the SMS outbox page),
/// unless a Twilio sender is configured.
/// </summary>
public static class SampleSms
{
    /// <summary>Whether SMS go to the development outbox (then the outbox page is available in Development).</summary>
    public static bool UsesOutbox(IConfiguration configuration) => !configuration.GetSection("Mfa:Twilio").Exists();

    /// <summary>Registers the SMS sender.</summary>
    public static void Add(WebApplicationBuilder builder, MfaBuilder mfa, SamplePaths paths)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mfa);
        ArgumentNullException.ThrowIfNull(paths);
        if (UsesOutbox(builder.Configuration))
        {
            mfa.AddDevelopmentSmsOutbox(paths.SmsOutbox);
            return;
        }

        throw new InvalidOperationException("Mfa:Twilio is configured but this build of the sample has no Twilio sender yet (package Mfa.Sms.Twilio).");
    }
}
