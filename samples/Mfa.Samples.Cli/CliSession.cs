using Mfa.Samples.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Mfa.Samples.Cli;

/// <summary>
/// One command's services: the engine with EF Core stores over the SQLite file, the sample's user directory, Data
/// Protection keys kept beside the database, and the database created (or migrated) on first use.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    /// <summary>The issuer authenticator apps show.</summary>
    public const string Issuer = "Mfa Samples";

    // Data Protection isolates key rings by application name: fixed, so every invocation reads the same secrets.
    private const string ApplicationName = "Mfa.Samples.Cli";

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private CliSession(CliEnvironment environment, CliPaths paths, ServiceProvider root)
    {
        Environment = environment;
        Paths = paths;
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    /// <summary>The working directory and environment the command runs in.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>Where the database, keys and outbox are.</summary>
    public CliPaths Paths { get; }

    /// <summary>The scoped services of this command.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>Resolves a service.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Builds the services and makes sure the database has its tables.</summary>
    public static async Task<CliSession> OpenAsync(CliEnvironment environment, string? databaseOption, CancellationToken cancellationToken)
    {
        var paths = environment.ResolvePaths(databaseOption);
        var services = new ServiceCollection();
        ConfigureServices(services, paths);
        var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var session = new CliSession(environment, paths, root);
        try
        {
            // No generic host here, so run the options validation it would run at start-up.
            root.GetService<IStartupValidator>()?.Validate();
            await EnsureDatabaseAsync(session.Get<SampleDbContext>(), cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    internal static void ConfigureServices(IServiceCollection services, CliPaths paths)
    {
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // Keys are kept unencrypted beside the database on purpose (a local development sample); Data Protection
            // warns about that on every new key, which would only add noise to a script's stderr.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            // The engine's warnings (refusals, lockouts) repeat what the command already says in its one error line.
            .AddFilter("Mfa", LogLevel.Error)
            .AddSimpleConsole(console => console.SingleLine = true));

        // stdout belongs to the command's output (and to --json): every log line goes to stderr.
        services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = paths.Database,
            // One command per process: a pool would only keep the file open after the command ends.
            Pooling = false,
        }.ToString();
        services.AddDbContext<SampleDbContext>(options => options.UseSqlite(connectionString));
        services.AddScoped<SampleUserAccounts>();

        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(paths.KeysDirectory));

        services.AddMfa(options => options.Issuer = Issuer)
            .AddEntityFrameworkStores<SampleDbContext>()
            .AddUserDirectory<SampleUserDirectory>()
            .AddEventListener<SessionEndingListener>()
            // Development only: codes go to a file beside the database (read them with `mfa-cli outbox`), not to phones.
            .AddDevelopmentSmsOutbox(paths.SmsOutbox);
    }

    private static async Task EnsureDatabaseAsync(SampleDbContext db, CancellationToken cancellationToken)
    {
        // The sample data library may ship migrations; once it does, they are the way the schema is made.
        if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
