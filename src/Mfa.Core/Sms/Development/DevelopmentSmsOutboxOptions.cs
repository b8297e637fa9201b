namespace Mfa.Sms.Development;

/// <summary>Settings of the <see cref="DevelopmentSmsOutbox"/>. For development and tests only.</summary>
public sealed class DevelopmentSmsOutboxOptions
{
    /// <summary>The default file name, in the current directory (the content root when a web app is run).</summary>
    public const string DefaultPath = "mfa-sms-outbox.jsonl";

    /// <summary>
    /// The JSON Lines file messages are appended to. A relative path is taken from the current directory. Default
    /// <see cref="DefaultPath"/>. Point the web app and a CLI at the same file to let one read what the other sent.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Whether Twilio's documented test numbers fail as they would at Twilio, so hosts can try their error pages:
    /// +15005550001 invalid (21211), +15005550002 cannot route (21612), +15005550003 no international permission
    /// (21408), +15005550004 blocked / opted out (21610), +15005550009 not a mobile number (21614). Such messages are
    /// not written to the outbox. Default <see langword="true"/>.
    /// </summary>
    public bool SimulateTwilioTestNumbers { get; set; } = true;
}
