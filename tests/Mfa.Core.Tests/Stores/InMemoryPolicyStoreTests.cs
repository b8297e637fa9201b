using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryPolicyStoreTests : PolicyStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaPolicyStore CreateStore() => _store;
}
