namespace Mfa.Stores;

/// <summary>The append-only audit trail. Records are never updated or deleted through this interface.</summary>
public interface IMfaAuditStore
{
    /// <summary>Appends a record.</summary>
    ValueTask AppendAsync(MfaAuditRecord record, CancellationToken cancellationToken);

    /// <summary>Reads an organization's records, newest first.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="skip">Records to skip (page × page size).</param>
    /// <param name="take">Records to return at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyList<MfaAuditRecord>> ListAsync(string organizationId, int skip, int take, CancellationToken cancellationToken);
}
