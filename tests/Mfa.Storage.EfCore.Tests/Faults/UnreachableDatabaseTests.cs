using System.Data.Common;
using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mfa.Storage.EfCore.Tests.Faults;

public sealed class UnreachableDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_WrongPort_ThrowsProviderExceptionNamingTheServer()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 }.ToString();
        await using var provider = BuildProvider(o => o.UseNpgsql(connectionString));
        await using var scope = provider.CreateAsyncScope();

        var read = await Assert.ThrowsAnyAsync<Exception>(async () => await scope.ServiceProvider.GetRequiredService<IMfaFactorStore>().FindActiveAsync("user", Ct));
        var write = await Assert.ThrowsAnyAsync<Exception>(async () => await scope.ServiceProvider.GetRequiredService<IMfaAttemptStore>().TryIncrementAsync("user", 0, DateTimeOffset.UnixEpoch, Ct));
        var transaction = await Assert.ThrowsAnyAsync<Exception>(async () => await scope.ServiceProvider.GetRequiredService<IMfaUnitOfWork>().BeginTransactionAsync(Ct));

        // Npgsql's default execution strategy reports connection failures as a "transient failure"
        // InvalidOperationException around the NpgsqlException; either way the server is named.
        Assert.All(new[] { read, write, transaction }, ex =>
        {
            var connectionFailure = Assert.IsAssignableFrom<DbException>(ex as DbException ?? ex.InnerException);
            Assert.Contains("Failed to connect to 127.0.0.1:1", connectionFailure.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Sqlite_FileInMissingDirectory_ThrowsProviderException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mfa-missing-{Guid.NewGuid():N}", "mfa.db");
        await using var provider = BuildProvider(o => o.UseSqlite($"Data Source={path}"));
        await using var scope = provider.CreateAsyncScope();

        var ex = await Assert.ThrowsAnyAsync<DbException>(async () => await scope.ServiceProvider.GetRequiredService<IMfaFactorStore>().FindActiveAsync("user", Ct));

        Assert.Contains("unable to open database file", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static ServiceProvider BuildProvider(Action<DbContextOptionsBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(configure);
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<TestDbContext>();
        return services.BuildServiceProvider();
    }
}
