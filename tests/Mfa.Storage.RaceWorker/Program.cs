// Races one PostgreSQL database from a separate OS process (started twice by CrossProcessRaceTests).
// Usage: dotnet Mfa.Storage.RaceWorker.dll <connection string> <worker name> <workers> <rounds> <tasks per round>
// For each scenario and round: wait at the database barrier until every worker has arrived, then submit the same
// code from <tasks> concurrent tasks (one DI scope, hence one DbContext, each) and print
// "result <scenario> <round> <accepted>". Exit code 0 when all rounds ran.
using System.Globalization;
using Mfa.Storage.RaceWorker;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
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
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
var ct = timeout.Token;

var services = new ServiceCollection();
// Pooled contexts, as a busy host would use; each attempt still gets its own scope and context.
services.AddDbContextPool<RaceDbContext>(o => o.UseNpgsql(connectionString));
services.AddMfa(o => o.Issuer = "Race").AddEntityFrameworkStores<RaceDbContext>();
await using var provider = services.BuildServiceProvider();
await using var barrier = NpgsqlDataSource.Create(connectionString);
await using var listener = await barrier.OpenConnectionAsync(ct);
await using (var listen = new NpgsqlCommand("LISTEN race_barrier", listener))
{
    await listen.ExecuteNonQueryAsync(ct);
}

foreach (var scenario in RaceTarget.Scenarios)
{
    for (var round = 0; round < rounds; round++)
    {
        var target = new RaceTarget(scenario, round);
        await ArriveAndWaitAsync(barrier, listener, target, workers, ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, tasksPerRound).Select(_ => Task.Run(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await start.Task;
            return await AttemptAsync(scope.ServiceProvider, target, ct);
        }, ct)).ToList();
        start.SetResult();
        var accepted = (await Task.WhenAll(attempts)).Count(a => a);
        Console.WriteLine(FormattableString.Invariant($"result {scenario} {round} {accepted} {workerName}"));
    }

    Console.Error.WriteLine(FormattableString.Invariant($"{workerName}: {scenario} done at {Environment.TickCount64 - startedAt} ms"));
}

Console.WriteLine("done");
return 0;

// The one function to swap when the engine lands: today the store call that decides the race; then
// MfaSignInService.VerifyAsync(target.UserId, target.Code, ct) (after seeding a real TOTP secret / code set).
static async Task<bool> AttemptAsync(IServiceProvider services, RaceTarget target, CancellationToken ct) => target.Scenario switch
{
    RaceTarget.Totp => await services.GetRequiredService<IMfaFactorStore>().TryAcceptTimeStepAsync(target.FactorId, target.TimeStep, ct),
    RaceTarget.RecoveryCode => await services.GetRequiredService<IMfaRecoveryCodeStore>().TryRedeemAsync(target.UserId, target.CodeHash, DateTimeOffset.UnixEpoch, ct),
    RaceTarget.SmsCode => await services.GetRequiredService<IMfaSmsChallengeStore>().TryConsumeAsync(target.ChallengeId, target.CodeHash, DateTimeOffset.UnixEpoch, 5, ct),
    _ => throw new ArgumentOutOfRangeException(nameof(target), target.Scenario, "Unknown scenario."),
};

// Every worker bumps the round's counter; the last to arrive announces the round (NOTIFY); every worker, the announcer
// included, starts when the announcement reaches its listening connection: the rounds start together in every
// process (no head start for the announcer), without polling.
static async Task ArriveAndWaitAsync(NpgsqlDataSource barrier, NpgsqlConnection listener, RaceTarget target, int workers, CancellationToken ct)
{
    var key = $"{target.Scenario}:{target.Round}";
    await using (var arrive = barrier.CreateCommand("UPDATE race_barrier SET arrived = arrived + 1 WHERE scenario = $1 AND round = $2 RETURNING arrived"))
    {
        arrive.Parameters.AddWithValue(target.Scenario);
        arrive.Parameters.AddWithValue(target.Round);
        var arrived = (int)(await arrive.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No barrier row for {key}."));
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
}
