using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mfa.Storage.EfCore.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own on the server named by MFA_TEST_POSTGRES, dropped after the test class.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=mfa;Password=mfa;Database=mfa_tests";

    private readonly string _name = $"mfa_t_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MFA_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultConnectionString;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name, MaxPoolSize = 64 }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    protected override async Task CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Timeout = 3, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(server.ToString());
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await create.ExecuteNonQueryAsync();

            // Serialised transactions (the concurrency specifications) would otherwise wait for a disk flush each;
            // durability is not under test, locking is, and it is unaffected.
            await using var fast = new NpgsqlCommand($"ALTER DATABASE \"{_name}\" SET synchronous_commit = off", connection);
            await fast.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Unavailable = $"PostgreSQL not reachable at {server.Host}:{server.Port} ({ex.Message}): run .ci/setup/10-postgres.sh";
        }
    }

    protected override async Task DropAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
