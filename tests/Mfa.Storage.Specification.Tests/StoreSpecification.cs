using Microsoft.Extensions.Time.Testing;

namespace Mfa.Storage.Specification;

/// <summary>
/// What every store specification shares: a fake clock, fresh identifiers (so tests of one class may share a
/// database), and a helper that starts many callers at once.
/// </summary>
/// <typeparam name="TStore">The store contract under test.</typeparam>
public abstract class StoreSpecification<TStore> where TStore : class
{
    /// <summary>How many callers the concurrency specifications start at once.</summary>
    protected const int ParallelCallers = 32;

    /// <summary>The clock the specifications take their times from (whole milliseconds, which every database keeps).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The current test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Creates the store under test over the storage shared by the test class. Called once per concurrent caller:
    /// instances must see each other's data (like scoped stores over one database), and each is used by one caller
    /// at a time. Dispose what you create when the test class instance is disposed (implement
    /// <see cref="IAsyncDisposable"/>); call <c>Assert.Skip</c> here when the storage is not available.
    /// </summary>
    protected abstract TStore CreateStore();

    /// <summary>A fresh identifier, so tests never see each other's rows.</summary>
    protected static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="operation"/> on <see cref="ParallelCallers"/> stores, all released at once.</summary>
    protected async Task<T[]> RaceAsync<T>(Func<TStore, ValueTask<T>> operation, int callers = ParallelCallers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var stores = Enumerable.Range(0, callers).Select(_ => CreateStore()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            return await operation(store);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Random bytes, for hashes and keys.</summary>
    protected static byte[] RandomBytes(int length = 32) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
}
