namespace Mfa.Stores;

/// <summary>
/// Groups store operations that must succeed or fail together (activation, resets, disabling). A store provider whose
/// stores share a database implements it with a database transaction.
/// </summary>
public interface IMfaUnitOfWork
{
    /// <summary>Begins a transaction that covers every store operation made until it is committed or disposed.</summary>
    ValueTask<IMfaTransaction> BeginTransactionAsync(CancellationToken cancellationToken);
}

/// <summary>An open transaction. Disposing it without <see cref="CommitAsync"/> rolls everything back.</summary>
public interface IMfaTransaction : IAsyncDisposable
{
    /// <summary>Makes the transaction's changes durable.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}
