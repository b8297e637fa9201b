using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mfa.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Mfa.Benchmarks.TotpVerificationBenchmarks).Assembly).Run(args);
