namespace Mfa.Samples.Cli;

/// <summary>What the CLI reads from its surroundings: the working directory and environment variables (tests pass their own).</summary>
/// <param name="CurrentDirectory">Where a relative <c>--db</c> path, and the default database, are resolved.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
public sealed record CliEnvironment(string CurrentDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The environment variable naming the database file when <c>--db</c> is not given.</summary>
    public const string DatabaseVariable = "MFA_CLI_DB";

    /// <summary>The database file used when neither <c>--db</c> nor <see cref="DatabaseVariable"/> is given.</summary>
    public const string DefaultDatabaseFile = "mfa-cli.db";

    /// <summary>The real process's working directory and environment.</summary>
    public static CliEnvironment FromProcess() => new(Environment.CurrentDirectory, Environment.GetEnvironmentVariable);

    /// <summary>The files of one CLI "installation": <paramref name="databaseOption"/>, else the variable, else the default.</summary>
    public CliPaths ResolvePaths(string? databaseOption)
    {
        var database = databaseOption;
        if (string.IsNullOrWhiteSpace(database))
        {
            database = GetVariable(DatabaseVariable);
        }

        if (string.IsNullOrWhiteSpace(database))
        {
            database = DefaultDatabaseFile;
        }

        return CliPaths.ForDatabase(Path.GetFullPath(database, CurrentDirectory));
    }
}
