using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Storage.EfCore.Tests.Transactions;

public sealed class UnitOfWorkTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BeginTransaction_WhileOneIsOpen_ThrowsDoNotNest()
    {
        var unitOfWork = _scopes.Get<IMfaUnitOfWork>();
        await using var transaction = await unitOfWork.BeginTransactionAsync(Ct);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await unitOfWork.BeginTransactionAsync(Ct));

        Assert.Contains("do not nest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginTransaction_AfterCommit_StartsANewOne()
    {
        var unitOfWork = _scopes.Get<IMfaUnitOfWork>();
        await using (var first = await unitOfWork.BeginTransactionAsync(Ct))
        {
            await first.CommitAsync(Ct);
        }

        await using var second = await unitOfWork.BeginTransactionAsync(Ct);
    }

    [Fact]
    public async Task RetryingExecutionStrategy_StoreCallsWork_TransactionsRefusedWithAdvice()
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite(((SqliteDatabase)database).ConnectionString, s => s.ExecutionStrategy(d => new RetryingStrategy(d))));
        services.AddMfa(o => o.Issuer = "Tests").AddEntityFrameworkStores<TestDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var userId = $"user-{Guid.NewGuid():N}";

        var attempts = scope.ServiceProvider.GetRequiredService<IMfaAttemptStore>();
        Assert.True(await attempts.TryIncrementAsync(userId, 0, DateTimeOffset.UnixEpoch, Ct));
        var state = await attempts.GetAsync(userId, Ct);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await scope.ServiceProvider.GetRequiredService<IMfaUnitOfWork>().BeginTransactionAsync(Ct));

        Assert.Equal(1, state.FailedCount);
        Assert.Contains("EnableRetryOnFailure", ex.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();

    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(1))
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}
