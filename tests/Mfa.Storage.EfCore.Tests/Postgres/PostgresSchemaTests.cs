using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.EfCore.Tests.Postgres;

/// <summary>The tables can live in a schema of their own, under another prefix, beside the host's tables.</summary>
public sealed class PostgresSchemaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task UseMfa_SchemaAndPrefix_StoresWorkInThatSchema()
    {
        database.EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        var services = new ServiceCollection();
        services.AddDbContext<SchemaContext>(o => o.UseNpgsql(database.ConnectionString));
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<SchemaContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SchemaContext>();
        await context.Database.ExecuteSqlRawAsync("CREATE SCHEMA security", ct);
        await context.Database.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);

        var attempts = scope.ServiceProvider.GetRequiredService<IMfaAttemptStore>();
        Assert.True(await attempts.TryIncrementAsync("user", 0, DateTimeOffset.UnixEpoch, ct));

        var tables = await context.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'security' ORDER BY 1")
            .ToListAsync(ct);
        Assert.Equal(10, tables.Count);
        Assert.All(tables, t => Assert.StartsWith("Auth", t, StringComparison.Ordinal));
        Assert.Equal(1, await context.Database.SqlQueryRaw<int>("SELECT \"FailedCount\" AS \"Value\" FROM security.\"AuthAttempts\"").SingleAsync(ct));
    }

    private sealed class SchemaContext(DbContextOptions<SchemaContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseMfa(o =>
        {
            o.Schema = "security";
            o.TablePrefix = "Auth";
        });
    }
}
