using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryResetMarkerStoreTests : ResetMarkerStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaResetMarkerStore CreateStore() => _store;
}
