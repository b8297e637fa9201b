using Mfa.Storage.EfCore.Attempts;
using Mfa.Storage.EfCore.RecoveryCodes;
using Mfa.Storage.EfCore.Sms;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.EfCore.Tests.Model;

public sealed class ModelTests
{
    [Fact]
    public void UseMfa_Defaults_PrefixesTablesWithMfaInDefaultSchema()
    {
        var model = BuildModel(b => b.UseMfa());

        Assert.Equal("MfaFactors", Entity<MfaFactor>(model).GetTableName());
        Assert.Equal("MfaRecoveryCodeSets", Entity<MfaRecoveryCodeSet>(model).GetTableName());
        Assert.Equal("MfaRecoveryCodes", Entity<MfaRecoveryCode>(model).GetTableName());
        Assert.Equal("MfaAttempts", Entity<MfaAttemptCounter>(model).GetTableName());
        Assert.Equal("MfaSmsChallenges", Entity<MfaSmsChallenge>(model).GetTableName());
        Assert.Equal("MfaSmsSends", Entity<MfaSmsSend>(model).GetTableName());
        Assert.Equal("MfaSmsQuotaLocks", Entity<MfaSmsQuotaLock>(model).GetTableName());
        Assert.Equal("MfaOrganizationPolicies", Entity<MfaOrganizationPolicy>(model).GetTableName());
        Assert.Equal("MfaResetMarkers", Entity<MfaResetMarker>(model).GetTableName());
        Assert.Equal("MfaAuditRecords", Entity<MfaAuditRecord>(model).GetTableName());
        Assert.All(model.GetEntityTypes(), e => Assert.Null(e.GetSchema()));
    }

    [Fact]
    public void UseMfa_SchemaAndPrefix_AppliesToEveryTable()
    {
        var model = BuildModel(b => b.UseMfa(o =>
        {
            o.Schema = "security";
            o.TablePrefix = "Auth";
        }));

        Assert.Equal(10, model.GetEntityTypes().Count());
        Assert.All(model.GetEntityTypes(), e =>
        {
            Assert.Equal("security", e.GetSchema());
            Assert.StartsWith("Auth", e.GetTableName(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void UseMfa_NullPrefix_Throws()
    {
        Assert.Throws<ArgumentException>(() => BuildModel(b => b.UseMfa(o => o.TablePrefix = null!)));
    }

    [Fact]
    public void UseMfa_Indexes_CoverEveryLookup()
    {
        var model = BuildModel(b => b.UseMfa());

        AssertIndex<MfaFactor>(model, unique: true, "UserId", "Status");
        AssertIndex<MfaRecoveryCode>(model, unique: false, "UserId", "CodeHash");
        AssertIndex<MfaSmsChallenge>(model, unique: true, "UserId", "Purpose");
        AssertIndex<MfaSmsSend>(model, unique: false, "UserId", "At");
        AssertIndex<MfaSmsSend>(model, unique: false, "OrganizationId", "At");
        var audit = AssertIndex<MfaAuditRecord>(model, unique: false, "OrganizationId", "OccurredAt", "Id");
        Assert.Equal([false, true, true], audit.IsDescending);
    }

    [Fact]
    public void AddEntityFrameworkStores_RegistersEveryStoreScoped()
    {
        var services = new ServiceCollection();

        services.AddMfa(o => o.Issuer = "Tests").AddInMemoryStores().AddEntityFrameworkStores<DbContext>();

        foreach (var type in new[]
        {
            typeof(IMfaFactorStore), typeof(IMfaRecoveryCodeStore), typeof(IMfaAttemptStore), typeof(IMfaSmsChallengeStore),
            typeof(IMfaSmsQuotaStore), typeof(IMfaPolicyStore), typeof(IMfaResetMarkerStore), typeof(IMfaAuditStore), typeof(IMfaUnitOfWork),
        })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == type);
            Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
        }
    }

    [Fact]
    public void AddEntityFrameworkStores_ContextNotRegistered_ThrowsNamingAddDbContext()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<NoMfaContext>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var ex = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMfaFactorStore>());

        Assert.Contains("AddDbContext<NoMfaContext>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_ContextWithoutUseMfa_ThrowsNamingUseMfa()
    {
        var services = new ServiceCollection();
        services.AddDbContext<NoMfaContext>(o => o.UseSqlite("Data Source=unused.db"));
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<NoMfaContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMfaFactorStore>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindActiveAsync("user", TestContext.Current.CancellationToken));

        Assert.Contains("modelBuilder.UseMfa()", ex.Message, StringComparison.Ordinal);
    }

    private static IIndex AssertIndex<TEntity>(IModel model, bool unique, params string[] columns)
    {
        var index = Assert.Single(Entity<TEntity>(model).GetIndexes(), i => i.Properties.Select(p => p.Name).SequenceEqual(columns));
        Assert.Equal(unique, index.IsUnique);
        return index;
    }

    private static IEntityType Entity<TEntity>(IModel model) =>
        model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");

    // Built without a context: EF caches one model per context type, and these tests need a model per configuration.
    private static IModel BuildModel(Action<ModelBuilder> configure)
    {
        var builder = new ModelBuilder(SqliteConventionSetBuilder.Build());
        configure(builder);
        return (IModel)builder.FinalizeModel();
    }

    public sealed class NoMfaContext(DbContextOptions<NoMfaContext> options) : DbContext(options);
}
