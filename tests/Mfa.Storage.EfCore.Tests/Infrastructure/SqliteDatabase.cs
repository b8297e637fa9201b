using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Tests.Infrastructure;

/// <summary>A SQLite database file of its own in the temp directory (WAL mode, like a real app would use).</summary>
public sealed class SqliteDatabase : TestDatabase
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"mfa-ef-tests-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30 }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    protected override async Task CreateAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync();
    }

    protected override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}
