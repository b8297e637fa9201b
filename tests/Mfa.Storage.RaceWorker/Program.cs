// Races one PostgreSQL database from a separate OS process (started twice by CrossProcessRaceTests).
// Usage: dotnet Mfa.Storage.RaceWorker.dll <connection string> <worker name> <workers> <rounds> <tasks per round>
// For each scenario and round: wait at the database barrier until every worker has arrived (the barrier row also holds
// the round's code, which the test seeded through the engine), then submit that code through the engine
// (MfaSignInService) from <tasks> concurrent tasks (one DI scope, hence one DbContext, each) and print
// "result <scenario> <round> <accepted> <locked out> <other refusals> <worker>". Exit code 0 when all rounds ran.
using System.Globalization;
using Mfa;
using Mfa.SignIn;
using Mfa.Storage.RaceWorker;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: <connection string> <worker name> <workers> <rounds> <tasks per round>");
    return 2;
}

var connectionString = args[0];
var workerName = args[1];
var workers = int.Parse(args[2], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[3], CultureInfo.InvariantCulture);
var tasksPerRound = int.Parse(args[4], CultureInfo.InvariantCulture);
var startedAt = Environment.TickCount64;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(170));
var ct = timeout.Token;

var services = new ServiceCollection();
services.AddRaceMfa(connectionString, RaceEngine.RaceTime);
await using var provider = services.BuildServiceProvider();
await using var barrier = NpgsqlDataSource.Create(connectionString);
await using var listener = await barrier.OpenConnectionAsync(ct);
await using (var listen = new NpgsqlCommand("LISTEN race_barrier", listener))
{
    await listen.ExecuteNonQueryAsync(ct);
}

var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
foreach (var scenario in RaceTarget.Scenarios)
{
    for (var round = 0; round < rounds; round++)
    {
        var target = new RaceTarget(scenario, round);
        var code = await ArriveAndWaitAsync(barrier, listener, target, workers, ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, tasksPerRound).Select(_ => Task.Run(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await start.Task;
            return await AttemptAsync(scope.ServiceProvider.GetRequiredService<MfaSignInService>(), target, code, ct);
        }, ct)).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);
        var accepted = outcomes.Count(o => o is null);
        var lockedOut = outcomes.Count(o => o == MfaErrorCodes.LockedOut);
        var refused = outcomes.Length - accepted - lockedOut;
        foreach (var error in outcomes.OfType<string>())
        {
            refusals[error] = refusals.GetValueOrDefault(error) + 1;
        }

        Console.WriteLine(FormattableString.Invariant($"result {scenario} {round} {accepted} {lockedOut} {refused} {workerName}"));
    }

    Console.Error.WriteLine(FormattableString.Invariant(
        $"{workerName}: {scenario} done at {Environment.TickCount64 - startedAt} ms; refusals: {string.Join(", ", refusals.Select(r => $"{r.Key} {r.Value}"))}"));
    refusals.Clear();
}

Console.WriteLine("done");
return 0;

// One submission through the engine, as a sign-in page would make it: null when accepted, else the error code.
static async Task<string?> AttemptAsync(MfaSignInService signIn, RaceTarget target, string code, CancellationToken ct)
{
    var result = target.Scenario switch
    {
        RaceTarget.Totp or RaceTarget.SmsCode => await signIn.VerifyAsync(target.UserId, code, ct),
        RaceTarget.RecoveryCode => await signIn.VerifyRecoveryCodeAsync(target.UserId, code, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Scenario, "Unknown scenario."),
    };
    return result.Error?.Code;
}

// Every worker bumps the round's counter; the last to arrive announces the round (NOTIFY); every worker, the announcer
// included, starts when the announcement reaches its listening connection: the rounds start together in every
// process (no head start for the announcer), without polling. Returns the round's code (seeded with the row).
static async Task<string> ArriveAndWaitAsync(NpgsqlDataSource barrier, NpgsqlConnection listener, RaceTarget target, int workers, CancellationToken ct)
{
    var key = $"{target.Scenario}:{target.Round}";
    string code;
    await using (var arrive = barrier.CreateCommand("UPDATE race_barrier SET arrived = arrived + 1 WHERE scenario = $1 AND round = $2 RETURNING arrived, code"))
    {
        arrive.Parameters.AddWithValue(target.Scenario);
        arrive.Parameters.AddWithValue(target.Round);
        int arrived;
        await using (var row = await arrive.ExecuteReaderAsync(ct))
        {
            if (!await row.ReadAsync(ct))
            {
                throw new InvalidOperationException($"No barrier row for {key}.");
            }

            arrived = row.GetInt32(0);
            code = row.GetString(1);
        }

        if (arrived == workers)
        {
            await using var announce = barrier.CreateCommand("SELECT pg_notify('race_barrier', $1)");
            announce.Parameters.AddWithValue(key);
            await announce.ExecuteNonQueryAsync(ct);
        }
    }

    var started = false;
    void OnNotification(object? sender, NpgsqlNotificationEventArgs e) => started |= e.Payload == key;
    listener.Notification += OnNotification;
    try
    {
        while (!started)
        {
            await listener.WaitAsync(ct);
        }
    }
    finally
    {
        listener.Notification -= OnNotification;
    }

    return code;
}
