using System.CommandLine;
using Mfa.Samples.Cli.Commands;

namespace Mfa.Samples.Cli;

/// <summary><c>mfa-cli [--db FILE] [--json] COMMAND …</c>: the global options and every command.</summary>
internal sealed class CliRootCommand : RootCommand
{
    public const string JsonOptionName = "--json";

    public CliRootCommand()
        : base("The Mfa SDK's flows as scriptable commands over a SQLite file (a development sample: see README.md).")
    {
        Add(Database);
        Add(Json);
        Add(DemoSeedCommand.Create());
        Add(PolicyCommand.Create());
        Add(EnrollCommand.Create());
        Add(ActivateCommand.Create());
        Add(SignInCommand.Create());
        Add(DisableCommand.Create());
        Add(ResetCommand.Create());
        Add(ResetSelfCommand.Create());
        Add(OutboxCommand.Create());
        Add(AuditCommand.Create());
    }

    /// <summary><c>--db FILE</c>, accepted before or after the command.</summary>
    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"The SQLite database file (default: ${CliEnvironment.DatabaseVariable}, else ./{CliEnvironment.DefaultDatabaseFile}). Keys and the SMS outbox sit beside it.",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary><c>--json</c>: exactly one JSON object on stdout, also for failures.</summary>
    public Option<bool> Json { get; } = new(JsonOptionName)
    {
        Description = "Print exactly one JSON object (one line) with \"ok\" and the command's data or \"error\": {\"code\", \"message\"}.",
        Recursive = true,
    };
}
