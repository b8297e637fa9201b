using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Mfa.Enrollment;
using Mfa.Phones;
using Mfa.Secrets;
using Mfa.SignIn;
using Mfa.Sms;
using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.RaceWorker;
using Mfa.Stores;
using Mfa.Totp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Mfa.Storage.EfCore.Tests.Race;

/// <summary>
/// Two OS processes (tests/Mfa.Storage.RaceWorker), each with many concurrent tasks, submit the same valid code through
/// the engine (<see cref="MfaSignInService"/>) in every round against one PostgreSQL database: a TOTP code, a recovery
/// code, an SMS code. Across both processes exactly one submission is accepted, every round. The others are refused:
/// replayed or used-up codes, and <c>locked_out</c> when an attempt lost the throttle's reservation race or the
/// refusals locked the user (counted apart, never as acceptances).
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

        var racing = Stopwatch.StartNew();
        var outputs = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i => RunWorkerAsync($"worker{i}", ct)));
        TestContext.Current.TestOutputHelper?.WriteLine($"workers ran for {racing.ElapsedMilliseconds} ms");

        var results = outputs.SelectMany(o => o)
            .Where(line => line.StartsWith("result ", StringComparison.Ordinal))
            .Select(line => line.Split(' '))
            .Select(p => (Scenario: p[1], Round: int.Parse(p[2], CultureInfo.InvariantCulture), Accepted: int.Parse(p[3], CultureInfo.InvariantCulture),
                LockedOut: int.Parse(p[4], CultureInfo.InvariantCulture), Refused: int.Parse(p[5], CultureInfo.InvariantCulture), Worker: p[6]))
            .ToList();
        foreach (var scenario in RaceTarget.Scenarios)
        {
            var rounds = results.Where(r => r.Scenario == scenario).GroupBy(r => r.Round).ToList();
            Assert.Equal(Rounds, rounds.Count);
            Assert.All(rounds, round =>
            {
                Assert.Equal(Workers, round.Count());
                Assert.All(round, r => Assert.Equal(TasksPerWorker, r.Accepted + r.LockedOut + r.Refused));
                Assert.True(round.Sum(r => r.Accepted) == 1, $"{scenario} round {round.Key}: {round.Sum(r => r.Accepted)} acceptances");
            });

            // Not asserted (timing-dependent), but worth seeing: how the wins split between the processes, and how
            // many submissions the throttle refused as locked_out rather than judging the code.
            var wins = results.Where(r => r.Scenario == scenario).GroupBy(r => r.Worker).Select(w => $"{w.Key} won {w.Sum(r => r.Accepted)}");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{scenario}: {string.Join(", ", wins)}; refused {results.Where(r => r.Scenario == scenario).Sum(r => r.Refused)}, locked out {results.Where(r => r.Scenario == scenario).Sum(r => r.LockedOut)}");
        }
    }

    // Every round's users are enrolled (activated) through the engine, at RaceEngine.SeedTime, with the protector and directory the
    // workers use: an active authenticator app (TOTP round, its activation step accepted), an active authenticator app
    // with its recovery codes (recovery round), an active SMS factor with a sign-in code sent (SMS round). The code to
    // submit goes into the round's barrier row: the TOTP code of the step at RaceEngine.RaceTime, the first recovery
    // code, the SMS code.
    private async Task SeedAsync(CancellationToken ct)
    {
        await using (var context = database.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync(
                "CREATE TABLE race_barrier (scenario text NOT NULL, round int NOT NULL, code text NOT NULL, arrived int NOT NULL DEFAULT 0, PRIMARY KEY (scenario, round))", ct);
        }

        var sms = new CapturingSmsSender();
        var services = new ServiceCollection().AddRaceMfa(database.ConnectionString, RaceEngine.SeedTime);
        services.AddSingleton<ISmsSender>(sms);
        await using var provider = services.BuildServiceProvider();
        var codes = new ConcurrentBag<(string Scenario, int Round, string Code)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Rounds), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (round, ct) =>
        {
            await using var scope = provider.CreateAsyncScope();
            var enrollment = scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>();

            var totp = new RaceTarget(RaceTarget.Totp, round);
            var secret = await EnrollAuthenticatorAsync(scope.ServiceProvider, totp.UserId, ct);
            codes.Add((totp.Scenario, round, TotpCode(secret.Key, RaceEngine.RaceTime)));

            var recovery = new RaceTarget(RaceTarget.RecoveryCode, round);
            codes.Add((recovery.Scenario, round, (await EnrollAuthenticatorAsync(scope.ServiceProvider, recovery.UserId, ct)).RecoveryCodes[0]));

            var phone = new RaceTarget(RaceTarget.SmsCode, round);
            Succeeded(await enrollment.BeginSmsAsync(phone.UserId, new PhoneNumberInput(null, phone.PhoneNumber), ct));
            Succeeded(await enrollment.ActivateAsync(phone.UserId, sms.LastCode[phone.PhoneNumber], ct));
            Succeeded(await scope.ServiceProvider.GetRequiredService<MfaSignInService>().SendSmsCodeAsync(phone.UserId, ct));
            codes.Add((phone.Scenario, round, sms.LastCode[phone.PhoneNumber]));
        });

        await using (var context = database.CreateContext())
        {
            foreach (var (scenario, round, code) in codes)
            {
                await context.Database.ExecuteSqlAsync($"INSERT INTO race_barrier (scenario, round, code) VALUES ({scenario}, {round}, {code})", ct);
            }

            Assert.Equal(Rounds * 3, await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM race_barrier").SingleAsync(ct));
        }
    }

    // The pending factor is saved as BeginAuthenticatorAppAsync would save it, minus the QR code (the slow part of
    // beginning, and not what this test is about); activation, recovery codes included, goes through the engine.
    private static async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> EnrollAuthenticatorAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetBytes(20);
        await services.GetRequiredService<IMfaFactorStore>().SavePendingAsync(
            new MfaFactor
            {
                Id = Guid.NewGuid().ToString("N"), UserId = userId, Method = MfaMethod.AuthenticatorApp, Status = MfaFactorStatus.Pending,
                ProtectedSecret = services.GetRequiredService<IMfaSecretProtector>().Protect(key), Algorithm = TotpAlgorithm.Sha1, Digits = 6,
                PeriodSeconds = 30, CreatedAt = RaceEngine.SeedTime, ExpiresAt = RaceEngine.SeedTime.AddMinutes(15),
            },
            ct);
        var activated = Succeeded(await services.GetRequiredService<MfaEnrollmentService>().ActivateAsync(userId, TotpCode(key, RaceEngine.SeedTime), ct));
        return (key, activated.RecoveryCodes.Codes);
    }

    private static string TotpCode(byte[] key, DateTimeOffset time) => new OtpNet.Totp(key, 30, OtpHashMode.Sha1, 6).ComputeTotp(time.UtcDateTime);

    private static T Succeeded<T>(MfaResult<T> result)
    {
        Assert.True(result.Succeeded, $"seeding failed: {result}");
        return result.Value;
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
        // A guard against a hung worker, not a performance bound. Measured on a shared 2-core machine at a load average of
        // 13-20: 9 s of seeding, 37 s of racing (46 s in all); at a load average of 34, about 90 s of racing. The workers
        // give up after 170 s. Not measured on an idle machine.
        timeout.CancelAfter(TimeSpan.FromSeconds(180));
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
