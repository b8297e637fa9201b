using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project benchmarks/Mfa.Benchmarks -- --filter '*'
// One short job for every class (3 warm-up + 10 measured iterations). In process: on our loaded 2-core machines the
// generated per-job project did not build within BenchmarkDotNet's 120 s build timeout; in-process needs no build.
var config = DefaultConfig.Instance.AddJob(Job.Default
    .WithWarmupCount(3)
    .WithIterationCount(10)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("ShortInProcess")
    .AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.TotpVerificationBenchmarks).Assembly).Run(args, config);
