using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryAttemptStoreTests : AttemptStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaAttemptStore CreateStore() => _store;
}
