namespace Mfa.Samples.Web.Infrastructure;

/// <summary>
/// Where the sample keeps its state: one folder (setting <c>Sample:DataDirectory</c>, relative to the content root)
/// holding the SQLite database, the Data Protection keys (so TOTP secrets survive restarts) and the SMS outbox.
/// </summary>
public sealed record SamplePaths(string DataDirectory)
{
    /// <summary>The SQLite database file.</summary>
    public string Database => Path.Combine(DataDirectory, "mfa-sample.db");

    /// <summary>The Data Protection key ring folder.</summary>
    public string Keys => Path.Combine(DataDirectory, "keys");

    /// <summary>The development SMS outbox file.</summary>
    public string SmsOutbox => Path.Combine(DataDirectory, "sms-outbox.jsonl");

    /// <summary>Reads the paths from configuration and creates the folder.</summary>
    public static SamplePaths From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Sample:DataDirectory"] ?? "App_Data";
        var directory = Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return new SamplePaths(directory);
    }
}
