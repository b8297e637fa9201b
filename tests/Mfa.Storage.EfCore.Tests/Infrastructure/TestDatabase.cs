using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.EfCore.Tests.Infrastructure;

/// <summary>
/// A database for one test class (an xunit class fixture): created before its first test, deleted after its last.
/// Stores are resolved the way a host resolves them: AddMfa().AddEntityFrameworkStores&lt;TestDbContext&gt;(), one
/// DI scope (hence one DbContext) per store or store set.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>Why the database is unavailable, or null.</summary>
    protected string? Unavailable { get; set; }

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not initialized.");

    public async ValueTask InitializeAsync()
    {
        await CreateAsync();
        if (Unavailable is not null)
        {
            return;
        }

        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(Configure);
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<TestDbContext>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Points a context at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>Skips the test (or fails it on CI) when the database could not be created.</summary>
    public void EnsureAvailable()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Unavailable + " (CI=true: not skipping)");
        }

        Assert.Skip(Unavailable);
    }

    /// <summary>A context of its own, outside DI.</summary>
    public TestDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    protected abstract Task CreateAsync();

    protected abstract Task DropAsync();
}

/// <summary>The DI scopes a test class opened, disposed with it.</summary>
public sealed class StoreScopes(TestDatabase database) : IAsyncDisposable
{
    private readonly List<AsyncServiceScope> _scopes = [];

    public T Get<T>() where T : notnull
    {
        database.EnsureAvailable();
        var scope = database.Services.CreateAsyncScope();
        lock (_scopes)
        {
            _scopes.Add(scope);
        }

        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public Specification.MfaStoreSet GetSet()
    {
        database.EnsureAvailable();
        var scope = database.Services.CreateAsyncScope();
        lock (_scopes)
        {
            _scopes.Add(scope);
        }

        var sp = scope.ServiceProvider;
        return new(
            sp.GetRequiredService<IMfaFactorStore>(), sp.GetRequiredService<IMfaRecoveryCodeStore>(), sp.GetRequiredService<IMfaAttemptStore>(),
            sp.GetRequiredService<IMfaSmsChallengeStore>(), sp.GetRequiredService<IMfaSmsQuotaStore>(), sp.GetRequiredService<IMfaPolicyStore>(),
            sp.GetRequiredService<IMfaResetMarkerStore>(), sp.GetRequiredService<IMfaAuditStore>(), sp.GetRequiredService<IMfaUnitOfWork>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
    }
}
