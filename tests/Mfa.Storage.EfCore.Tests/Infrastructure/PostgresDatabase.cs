using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mfa.Storage.EfCore.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own on the server named by MFA_TEST_POSTGRES, dropped after the test class.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=mfa;Password=mfa;Database=mfa_tests";

    // CREATE DATABASE copies template1; test classes start in parallel, so they take turns.
    private static readonly SemaphoreSlim CreateGate = new(1, 1);

    private readonly string _name = $"mfa_t_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MFA_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultConnectionString;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name, MaxPoolSize = 64 }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    protected override async Task CreateAsync()
    {
        // A refused connection fails at once; the timeout only bounds a silent host, and is generous because a loaded
        // 2-core CI machine can take seconds to start a backend.
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Timeout = 15, Pooling = false };
        await CreateGate.WaitAsync();
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
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            // Only "could not talk to a server" means unavailable; an error the server reports fails the tests.
            Unavailable = $"PostgreSQL not reachable at {server.Host}:{server.Port} ({ex.Message}): run .ci/setup/10-postgres.sh";
        }
        finally
        {
            CreateGate.Release();
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
