using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Sms;

/// <summary>
/// SMS quotas over the <c>SmsSends</c> log. A taker first updates the user's (and organization's) row in
/// <c>SmsQuotaLocks</c> inside a transaction, so concurrent takers for the same user or organization queue on that row
/// lock, and each counts the log only after the previous one committed or rolled back. On SQLite, write transactions
/// are serialised anyway.
/// </summary>
internal sealed class EfCoreSmsQuotaStore(DbContext context) : IMfaSmsQuotaStore
{
    private static readonly TimeSpan UserWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan OrganizationWindow = TimeSpan.FromDays(1);

    private DbSet<MfaSmsSend> Sends => context.MfaSet<MfaSmsSend>();

    private DbSet<MfaSmsQuotaLock> Locks => context.MfaSet<MfaSmsQuotaLock>();

    public async ValueTask<SmsQuotaResult> TryTakeAsync(SmsQuotaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organizationCap = request is { OrganizationId: not null, MaxPerOrganizationPerDay: not null };

        return await context.InTransactionAsync(
            async token =>
            {
                // Always lock in the same order (organization, then user) so two takers never wait on each other.
                if (organizationCap)
                {
                    await LockAsync(MfaSmsQuotaLock.OrganizationPrefix + request.OrganizationId, token);
                }

                await LockAsync(MfaSmsQuotaLock.UserPrefix + request.UserId, token);

                var userSince = request.At - UserWindow;
                var userSends = Sends.Where(s => s.UserId == request.UserId && s.At > userSince);
                if (await userSends.CountAsync(token) >= request.MaxPerUserPerHour)
                {
                    var oldest = await userSends.OrderBy(s => s.At).Select(s => s.At).FirstAsync(token);
                    return new SmsQuotaResult(SmsQuotaDecision.UserHourlyLimitReached, oldest + UserWindow);
                }

                if (organizationCap)
                {
                    var organizationSince = request.At - OrganizationWindow;
                    var organizationSends = Sends.Where(s => s.OrganizationId == request.OrganizationId && s.At > organizationSince);
                    if (await organizationSends.CountAsync(token) >= request.MaxPerOrganizationPerDay)
                    {
                        var oldest = await organizationSends.OrderBy(s => s.At).Select(s => s.At).FirstAsync(token);
                        return new SmsQuotaResult(SmsQuotaDecision.OrganizationDailyLimitReached, oldest + OrganizationWindow);
                    }
                }

                await context.InsertAsync(
                    [new MfaSmsSend { SendId = request.SendId, UserId = request.UserId, OrganizationId = request.OrganizationId, At = request.At }],
                    token);
                return new SmsQuotaResult(SmsQuotaDecision.Granted);
            },
            cancellationToken);
    }

    public async ValueTask ReleaseAsync(string sendId, CancellationToken cancellationToken) =>
        await Sends.Where(s => s.SendId == sendId).ExecuteDeleteAsync(cancellationToken);

    private Task LockAsync(string key, CancellationToken cancellationToken) =>
        context.UpsertAsync(
            t => Locks.Where(l => l.Key == key).ExecuteUpdateAsync(s => s.SetProperty(l => l.Takes, l => l.Takes + 1), t),
            () => new MfaSmsQuotaLock { Key = key, Takes = 1 },
            cancellationToken);
}
