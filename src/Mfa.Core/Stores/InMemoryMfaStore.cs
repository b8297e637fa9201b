namespace Mfa.Stores;

/// <summary>
/// Every store kept in process memory, behind one lock. For unit tests and experiments only: nothing survives a
/// restart, nothing is shared between processes, and a rolled-back transaction also discards changes other callers
/// made while it was open. Entities are copied in and out, so callers never share instances with the store.
/// </summary>
public sealed class InMemoryMfaStore :
    IMfaFactorStore,
    IMfaRecoveryCodeStore,
    IMfaAttemptStore,
    IMfaSmsChallengeStore,
    IMfaSmsQuotaStore,
    IMfaPolicyStore,
    IMfaResetMarkerStore,
    IMfaAuditStore,
    IMfaUnitOfWork
{
    private readonly Lock _gate = new();
    private State _state = new();

    // ---- factors -------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<MfaFactor?> FindActiveAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => Copy(s.Factors.Values.FirstOrDefault(f => f.UserId == userId && f.Status == MfaFactorStatus.Active)), cancellationToken);

    /// <inheritdoc />
    public ValueTask<MfaFactor?> FindPendingAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => Copy(s.Factors.Values.FirstOrDefault(f => f.UserId == userId && f.Status == MfaFactorStatus.Pending)), cancellationToken);

    /// <inheritdoc />
    public ValueTask SavePendingAsync(MfaFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return Mutate(s =>
        {
            RemoveWhere(s.Factors, f => f.UserId == factor.UserId && f.Status == MfaFactorStatus.Pending);
            s.Factors[factor.Id] = Copy(factor)!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ActivateAsync(string userId, string factorId, DateTimeOffset activatedAt, long? acceptedTimeStep, CancellationToken cancellationToken) =>
        Write(s =>
        {
            if (!s.Factors.TryGetValue(factorId, out var pending) || pending.UserId != userId || pending.Status != MfaFactorStatus.Pending)
            {
                return false;
            }

            RemoveWhere(s.Factors, f => f.UserId == userId && f.Status == MfaFactorStatus.Active);
            pending.Status = MfaFactorStatus.Active;
            pending.ActivatedAt = activatedAt;
            pending.LastAcceptedTimeStep = acceptedTimeStep;
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryAcceptTimeStepAsync(string factorId, long timeStep, CancellationToken cancellationToken) =>
        Write(s =>
        {
            if (!s.Factors.TryGetValue(factorId, out var factor) || factor.LastAcceptedTimeStep >= timeStep)
            {
                return false;
            }

            factor.LastAcceptedTimeStep = timeStep;
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask DeletePendingAsync(string userId, CancellationToken cancellationToken) =>
        Mutate(s => RemoveWhere(s.Factors, f => f.UserId == userId && f.Status == MfaFactorStatus.Pending), cancellationToken);

    /// <inheritdoc />
    ValueTask<int> IMfaFactorStore.DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        Write(s => RemoveWhere(s.Factors, f => f.UserId == userId), cancellationToken);

    // ---- recovery codes ------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask ReplaceAsync(string userId, byte[] protectedKey, IReadOnlyList<byte[]> codeHashes, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protectedKey);
        ArgumentNullException.ThrowIfNull(codeHashes);
        return Mutate(s =>
        {
            s.RecoveryKeys[userId] = (byte[])protectedKey.Clone();
            s.RecoveryCodes[userId] = codeHashes.Select(h => new RecoveryCodeEntry((byte[])h.Clone())).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<byte[]?> FindProtectedKeyAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => s.RecoveryKeys.TryGetValue(userId, out var key) ? (byte[])key.Clone() : null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryRedeemAsync(string userId, byte[] codeHash, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return Write(s =>
        {
            var entry = s.RecoveryCodes.GetValueOrDefault(userId)?.FirstOrDefault(c => c.UsedAt is null && c.Hash.AsSpan().SequenceEqual(codeHash));
            if (entry is null)
            {
                return false;
            }

            entry.UsedAt = usedAt;
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> CountRemainingAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => s.RecoveryCodes.GetValueOrDefault(userId)?.Count(c => c.UsedAt is null) ?? 0, cancellationToken);

    /// <inheritdoc />
    ValueTask IMfaRecoveryCodeStore.DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        Mutate(s =>
        {
            s.RecoveryKeys.Remove(userId);
            s.RecoveryCodes.Remove(userId);
        }, cancellationToken);

    // ---- attempts ------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<MfaAttemptState> GetAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => s.Attempts.GetValueOrDefault(userId) ?? MfaAttemptState.None, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryIncrementAsync(string userId, int expectedCount, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        Write(s =>
        {
            var current = s.Attempts.GetValueOrDefault(userId) ?? MfaAttemptState.None;
            if (current.FailedCount != expectedCount)
            {
                return false;
            }

            s.Attempts[userId] = new MfaAttemptState(expectedCount + 1, failedAt);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask ResetAsync(string userId, CancellationToken cancellationToken) =>
        Mutate(s => s.Attempts.Remove(userId), cancellationToken);

    // ---- SMS challenges ------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<MfaSmsChallenge?> FindAsync(string userId, MfaSmsPurpose purpose, CancellationToken cancellationToken) =>
        Read(s => Copy(s.Challenges.Values.FirstOrDefault(c => c.UserId == userId && c.Purpose == purpose)), cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(MfaSmsChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return Mutate(s =>
        {
            RemoveWhere(s.Challenges, c => c.UserId == challenge.UserId && c.Purpose == challenge.Purpose);
            s.Challenges[challenge.Id] = Copy(challenge)!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceCodeAsync(string challengeId, int expectedSendCount, byte[] codeHash, DateTimeOffset sentAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return Write(s =>
        {
            if (!s.Challenges.TryGetValue(challengeId, out var challenge) || challenge.SendCount != expectedSendCount)
            {
                return false;
            }

            challenge.CodeHash = (byte[])codeHash.Clone();
            challenge.LastSentAt = sentAt;
            challenge.ExpiresAt = expiresAt;
            challenge.SendCount++;
            challenge.FailedAttempts = 0;
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> RecordFailedAttemptAsync(string challengeId, CancellationToken cancellationToken) =>
        Write(s => s.Challenges.TryGetValue(challengeId, out var challenge) ? ++challenge.FailedAttempts : 0, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryConsumeAsync(string challengeId, byte[] codeHash, DateTimeOffset now, int maxFailedAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return Write(s =>
            s.Challenges.TryGetValue(challengeId, out var challenge)
            && challenge.CodeHash.AsSpan().SequenceEqual(codeHash)
            && now < challenge.ExpiresAt
            && challenge.FailedAttempts < maxFailedAttempts
            && s.Challenges.Remove(challengeId), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string challengeId, CancellationToken cancellationToken) =>
        Mutate(s => s.Challenges.Remove(challengeId), cancellationToken);

    /// <inheritdoc />
    ValueTask IMfaSmsChallengeStore.DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        Mutate(s => RemoveWhere(s.Challenges, c => c.UserId == userId), cancellationToken);

    // ---- SMS quota -----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<SmsQuotaResult> TryTakeAsync(SmsQuotaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(s =>
        {
            var userWindow = s.Sends.Where(x => x.UserId == request.UserId && x.At > request.At.AddHours(-1)).Select(x => x.At).ToList();
            if (userWindow.Count >= request.MaxPerUserPerHour)
            {
                return new SmsQuotaResult(SmsQuotaDecision.UserHourlyLimitReached, userWindow.Min().AddHours(1));
            }

            if (request is { OrganizationId: { } org, MaxPerOrganizationPerDay: int cap })
            {
                var orgWindow = s.Sends.Where(x => x.OrganizationId == org && x.At > request.At.AddDays(-1)).Select(x => x.At).ToList();
                if (orgWindow.Count >= cap)
                {
                    return new SmsQuotaResult(SmsQuotaDecision.OrganizationDailyLimitReached, orgWindow.Min().AddDays(1));
                }
            }

            s.Sends.Add(new SendEntry(request.SendId, request.UserId, request.OrganizationId, request.At));
            return new SmsQuotaResult(SmsQuotaDecision.Granted);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string sendId, CancellationToken cancellationToken) =>
        Mutate(s => s.Sends.RemoveAll(x => x.SendId == sendId), cancellationToken);

    // ---- policies ------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    ValueTask<MfaOrganizationPolicy?> IMfaPolicyStore.FindAsync(string organizationId, CancellationToken cancellationToken) =>
        Read(s => Copy(s.Policies.GetValueOrDefault(organizationId)), cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(MfaOrganizationPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Mutate(s => s.Policies[policy.OrganizationId] = Copy(policy)!, cancellationToken);
    }

    // ---- reset markers -------------------------------------------------------------------------------------------

    /// <inheritdoc />
    ValueTask<MfaResetMarker?> IMfaResetMarkerStore.FindAsync(string userId, CancellationToken cancellationToken) =>
        Read(s => s.ResetMarkers.GetValueOrDefault(userId), cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(MfaResetMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return Mutate(s => s.ResetMarkers[marker.UserId] = marker, cancellationToken);
    }

    /// <inheritdoc />
    ValueTask IMfaResetMarkerStore.DeleteAsync(string userId, CancellationToken cancellationToken) =>
        Mutate(s => s.ResetMarkers.Remove(userId), cancellationToken);

    // ---- audit ---------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask AppendAsync(MfaAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Mutate(s => s.Audit.Add(record), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MfaAuditRecord>> ListAsync(string organizationId, int skip, int take, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<MfaAuditRecord>>(s => s.Audit
            .Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)
            .Skip(skip).Take(take).ToList(), cancellationToken);

    // ---- transactions --------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public ValueTask<IMfaTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<IMfaTransaction>(new Transaction(this, _state.Clone()));
        }
    }

    private sealed class Transaction(InMemoryMfaStore store, State snapshot) : IMfaTransaction
    {
        private bool _done;

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _done = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_done)
            {
                _done = true;
                lock (store._gate)
                {
                    store._state = snapshot;
                }
            }

            return ValueTask.CompletedTask;
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private ValueTask<T> Read<T>(Func<State, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(read(_state));
        }
    }

    private ValueTask<T> Write<T>(Func<State, T> write, CancellationToken cancellationToken) => Read(write, cancellationToken);

    private ValueTask Mutate(Action<State> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            write(_state);
        }

        return ValueTask.CompletedTask;
    }

    private static int RemoveWhere<T>(Dictionary<string, T> items, Func<T, bool> match)
    {
        var keys = items.Where(pair => match(pair.Value)).Select(pair => pair.Key).ToList();
        keys.ForEach(key => items.Remove(key));
        return keys.Count;
    }

    private static MfaFactor? Copy(MfaFactor? f) => f is null ? null : new MfaFactor
    {
        Id = f.Id, UserId = f.UserId, Method = f.Method, Status = f.Status,
        ProtectedSecret = (byte[]?)f.ProtectedSecret?.Clone(), Algorithm = f.Algorithm, Digits = f.Digits,
        PeriodSeconds = f.PeriodSeconds, PhoneNumber = f.PhoneNumber, CreatedAt = f.CreatedAt, ExpiresAt = f.ExpiresAt,
        ActivatedAt = f.ActivatedAt, LastAcceptedTimeStep = f.LastAcceptedTimeStep,
    };

    private static MfaSmsChallenge? Copy(MfaSmsChallenge? c) => c is null ? null : new MfaSmsChallenge
    {
        Id = c.Id, UserId = c.UserId, Purpose = c.Purpose, FactorId = c.FactorId, PhoneNumber = c.PhoneNumber,
        ProtectedKey = (byte[])c.ProtectedKey.Clone(), CodeHash = (byte[])c.CodeHash.Clone(), CreatedAt = c.CreatedAt,
        LastSentAt = c.LastSentAt, ExpiresAt = c.ExpiresAt, SendCount = c.SendCount, FailedAttempts = c.FailedAttempts,
    };

    private static MfaOrganizationPolicy? Copy(MfaOrganizationPolicy? p) => p is null ? null : new MfaOrganizationPolicy
    {
        OrganizationId = p.OrganizationId, RequireMfa = p.RequireMfa, AllowSms = p.AllowSms,
        EnrollmentGracePeriod = p.EnrollmentGracePeriod, RequiredSince = p.RequiredSince, UpdatedAt = p.UpdatedAt,
        UpdatedBy = p.UpdatedBy,
    };

    private sealed class RecoveryCodeEntry(byte[] hash)
    {
        public byte[] Hash { get; } = hash;

        public DateTimeOffset? UsedAt { get; set; }
    }

    private sealed record SendEntry(string SendId, string UserId, string? OrganizationId, DateTimeOffset At);

    private sealed class State
    {
        public Dictionary<string, MfaFactor> Factors { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, byte[]> RecoveryKeys { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<RecoveryCodeEntry>> RecoveryCodes { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, MfaAttemptState> Attempts { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, MfaSmsChallenge> Challenges { get; init; } = new(StringComparer.Ordinal);

        public List<SendEntry> Sends { get; init; } = [];

        public Dictionary<string, MfaOrganizationPolicy> Policies { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, MfaResetMarker> ResetMarkers { get; init; } = new(StringComparer.Ordinal);

        public List<MfaAuditRecord> Audit { get; init; } = [];

        public State Clone() => new()
        {
            Factors = Factors.ToDictionary(p => p.Key, p => Copy(p.Value)!, StringComparer.Ordinal),
            RecoveryKeys = new(RecoveryKeys, StringComparer.Ordinal),
            RecoveryCodes = RecoveryCodes.ToDictionary(
                p => p.Key,
                p => p.Value.Select(c => new RecoveryCodeEntry(c.Hash) { UsedAt = c.UsedAt }).ToList(),
                StringComparer.Ordinal),
            Attempts = new(Attempts, StringComparer.Ordinal),
            Challenges = Challenges.ToDictionary(p => p.Key, p => Copy(p.Value)!, StringComparer.Ordinal),
            Sends = [.. Sends],
            Policies = Policies.ToDictionary(p => p.Key, p => Copy(p.Value)!, StringComparer.Ordinal),
            ResetMarkers = new(ResetMarkers, StringComparer.Ordinal),
            Audit = [.. Audit],
        };
    }
}
