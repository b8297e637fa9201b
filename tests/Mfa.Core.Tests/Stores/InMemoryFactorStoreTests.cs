using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryFactorStoreTests : FactorStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaFactorStore CreateStore() => _store;
}
