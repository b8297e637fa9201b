using Mfa.Stores;
using Mfa.Users;

namespace Mfa.Audit;

/// <summary>Reads an organization's audit trail: Owners of that organization only.</summary>
public sealed class MfaAuditService
{
    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 200;

    private readonly MfaStores _stores;
    private readonly OwnerAuthorization _owners;

    internal MfaAuditService(MfaStores stores, OwnerAuthorization owners)
    {
        _stores = stores;
        _owners = owners;
    }

    /// <summary>Reads page <paramref name="page"/> (from 0) of the organization's trail, newest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is negative or <paramref name="pageSize"/> is not 1 to <see cref="MaxPageSize"/>.</exception>
    public async Task<MfaResult<MfaAuditPage>> ListAsync(string actorUserId, string organizationId, int page = 0, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var actor = await _owners.AuthorizeAsync(actorUserId, organizationId, cancellationToken);
        if (!actor.Succeeded)
        {
            return actor.Error;
        }

        // Ask for one more than a page to know whether another page follows.
        var records = await _stores.Audit.ListAsync(organizationId, checked(page * pageSize), pageSize + 1, cancellationToken);
        var hasMore = records.Count > pageSize;
        return MfaResult<MfaAuditPage>.Success(new MfaAuditPage(hasMore ? records.Take(pageSize).ToList() : records, page, pageSize, hasMore));
    }
}
