using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemoryRecoveryCodeStoreTests : RecoveryCodeStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaRecoveryCodeStore CreateStore() => _store;
}
