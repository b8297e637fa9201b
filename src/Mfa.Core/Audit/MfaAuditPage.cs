using Mfa.Stores;

namespace Mfa.Audit;

/// <summary>One page of an organization's audit trail, newest first.</summary>
/// <param name="Records">The records on this page.</param>
/// <param name="Page">The page number, from 0.</param>
/// <param name="PageSize">Records per page.</param>
/// <param name="HasMore">Whether older records follow.</param>
public sealed record MfaAuditPage(IReadOnlyList<MfaAuditRecord> Records, int Page, int PageSize, bool HasMore);
