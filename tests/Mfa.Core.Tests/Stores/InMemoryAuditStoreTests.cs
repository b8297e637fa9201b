using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryAuditStoreTests : AuditStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaAuditStore CreateStore() => _store;
}
