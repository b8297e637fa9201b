using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryUnitOfWorkTests : UnitOfWorkSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override MfaStoreSet CreateStore() => new(_store, _store, _store, _store, _store, _store, _store, _store, _store);
}
