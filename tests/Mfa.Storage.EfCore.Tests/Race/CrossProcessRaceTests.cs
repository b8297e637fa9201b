using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Mfa.Storage.EfCore.RecoveryCodes;
using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.RaceWorker;
using Mfa.Stores;
using Mfa.Totp;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Tests.Race;

/// <summary>
/// Two OS processes (tests/Mfa.Storage.RaceWorker), each with many concurrent tasks, submit the same code in every
/// round against one PostgreSQL database: across both processes exactly one submission is accepted, every round.
/// </summary>
public sealed class CrossProcessRaceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Workers = 2;
    private const int Rounds = 100;
    private const int TasksPerWorker = 16;

    [Fact]
    public async Task SameCodeFromTwoProcesses_EveryRound_AcceptedExactlyOnce()
    {
        database.EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"seeded in {seeding.ElapsedMilliseconds} ms");

        var outputs = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i => RunWorkerAsync($"worker{i}", ct)));

        var results = outputs.SelectMany(o => o)
            .Where(line => line.StartsWith("result ", StringComparison.Ordinal))
            .Select(line => line.Split(' '))
            .Select(p => (Scenario: p[1], Round: int.Parse(p[2], CultureInfo.InvariantCulture), Accepted: int.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var scenario in RaceTarget.Scenarios)
        {
            var rounds = results.Where(r => r.Scenario == scenario).GroupBy(r => r.Round).ToList();
            Assert.Equal(Rounds, rounds.Count);
            Assert.All(rounds, round =>
            {
                Assert.Equal(Workers, round.Count());
                Assert.True(round.Sum(r => r.Accepted) == 1, $"{scenario} round {round.Key}: {round.Sum(r => r.Accepted)} acceptances");
            });
        }

        // Not asserted (timing-dependent), but worth seeing: how the wins split between the processes.
        var wins = outputs.Select((o, i) => $"worker{i + 1}: {o.Count(line => line.StartsWith("result ", StringComparison.Ordinal) && !line.Contains(" 0 worker", StringComparison.Ordinal))} rounds won");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", wins));
    }

    // One batch: the rows the stores would write (an active factor with the previous step accepted, a recovery-code
    // set, an SMS challenge) for every round, plus the barrier rows.
    private async Task SeedAsync(CancellationToken ct)
    {
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlRawAsync(
            "CREATE TABLE race_barrier (scenario text NOT NULL, round int NOT NULL, arrived int NOT NULL DEFAULT 0, PRIMARY KEY (scenario, round))", ct);
        await context.Database.ExecuteSqlAsync(
            $"INSERT INTO race_barrier (scenario, round) SELECT s, r FROM unnest(ARRAY['totp', 'recovery', 'sms']) s, generate_series(0, {Rounds - 1}) r", ct);

        for (var round = 0; round < Rounds; round++)
        {
            var totp = new RaceTarget(RaceTarget.Totp, round);
            context.Add(new MfaFactor
            {
                Id = totp.FactorId, UserId = totp.UserId, Method = MfaMethod.AuthenticatorApp, Status = MfaFactorStatus.Active,
                ProtectedSecret = [1], Algorithm = TotpAlgorithm.Sha1, Digits = 6, PeriodSeconds = 30, CreatedAt = DateTimeOffset.UnixEpoch,
                ActivatedAt = DateTimeOffset.UnixEpoch, LastAcceptedTimeStep = totp.TimeStep - 1,
            });

            var recovery = new RaceTarget(RaceTarget.RecoveryCode, round);
            context.Add(new MfaRecoveryCodeSet { UserId = recovery.UserId, ProtectedKey = [1], CreatedAt = DateTimeOffset.UnixEpoch });
            context.Add(new MfaRecoveryCode { Id = Guid.CreateVersion7(), UserId = recovery.UserId, CodeHash = recovery.CodeHash });
            context.Add(new MfaRecoveryCode { Id = Guid.CreateVersion7(), UserId = recovery.UserId, CodeHash = new RaceTarget("other", round).CodeHash });

            var sms = new RaceTarget(RaceTarget.SmsCode, round);
            context.Add(new MfaSmsChallenge
            {
                Id = sms.ChallengeId, UserId = sms.UserId, Purpose = MfaSmsPurpose.SignIn, FactorId = sms.FactorId, PhoneNumber = "+41446681800",
                ProtectedKey = [1], CodeHash = sms.CodeHash, CreatedAt = DateTimeOffset.UnixEpoch, LastSentAt = DateTimeOffset.UnixEpoch,
                ExpiresAt = DateTimeOffset.UnixEpoch.AddYears(100), SendCount = 1,
            });
        }

        await context.SaveChangesAsync(ct);
        Assert.Equal(Rounds * 3, await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM race_barrier").SingleAsync(ct));
    }

    private async Task<List<string>> RunWorkerAsync(string name, CancellationToken ct)
    {
        var workerPath = typeof(CrossProcessRaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RaceWorkerPath").Value!;
        Assert.True(File.Exists(workerPath), $"Race worker not built at {workerPath}.");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { workerPath, database.ConnectionString, name, $"{Workers}", $"{Rounds}", $"{TasksPerWorker}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the race worker.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Far above the ~20 s it takes on an idle 2-core machine; a hung worker must not hang the test run.
        timeout.CancelAfter(TimeSpan.FromSeconds(110));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Assert.True(process.ExitCode == 0, $"{name} exited with {process.ExitCode} after {lines.Count} lines (last: {lines.LastOrDefault()}): {await errors}");
        Assert.Equal("done", lines[^1]);
        return lines;
    }
}
