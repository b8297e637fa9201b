using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemorySmsChallengeStoreTests : SmsChallengeStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaSmsChallengeStore CreateStore() => _store;
}
