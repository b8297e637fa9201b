namespace Mfa.Samples.Cli;

/// <summary>
/// The files the CLI keeps, all beside the database so that one <c>--db</c> names a whole, separate demo:
/// <c>NAME.db</c>, the Data Protection keys in <c>NAME.keys/</c> (TOTP secrets stay readable between invocations) and
/// the development SMS outbox <c>NAME.sms-outbox.jsonl</c>.
/// </summary>
/// <param name="Database">The SQLite database file.</param>
/// <param name="KeysDirectory">The Data Protection key ring folder.</param>
/// <param name="SmsOutbox">The development SMS outbox file.</param>
public sealed record CliPaths(string Database, string KeysDirectory, string SmsOutbox)
{
    /// <summary>The paths that belong with <paramref name="database"/> (an absolute path).</summary>
    public static CliPaths ForDatabase(string database)
    {
        var directory = Path.GetDirectoryName(database) ?? ".";
        var name = Path.GetFileNameWithoutExtension(database);
        return new CliPaths(database, Path.Combine(directory, name + ".keys"), Path.Combine(directory, name + ".sms-outbox.jsonl"));
    }
}
