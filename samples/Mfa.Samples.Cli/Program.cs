using Mfa.Samples.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the command stop at its next await instead of killing the process mid-transaction.
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, CliEnvironment.FromProcess(), cancellation.Token);
