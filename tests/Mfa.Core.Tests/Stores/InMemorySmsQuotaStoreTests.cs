using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Core.Tests.Stores;

public sealed class InMemorySmsQuotaStoreTests : SmsQuotaStoreSpecification
{
    private readonly InMemoryMfaStore _store = new();

    protected override IMfaSmsQuotaStore CreateStore() => _store;
}
