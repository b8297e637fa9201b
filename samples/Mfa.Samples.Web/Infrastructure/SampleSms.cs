namespace Mfa.Samples.Web.Infrastructure;

/// <summary>
/// Where the sample's SMS go: through Twilio when the configuration has a <c>Mfa:Twilio</c> section (e.g.
/// <c>Mfa__Twilio__AccountSid</c>, credentials and sender in environment variables or user secrets), otherwise to the
/// development outbox (a file next to the database, shown on the SMS outbox page).
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

        // Real text messages: settings validated at start-up (Mfa:Twilio:AccountSid, a credential, a sender).
        mfa.AddTwilioSms(builder.Configuration.GetSection("Mfa:Twilio"));
    }
}
