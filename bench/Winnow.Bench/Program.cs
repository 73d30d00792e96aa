using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Winnow.Bench -- --filter '*'
// (pages from WINNOW_BENCH_DIR, default tests/data/corpus/scrapinghub; see ExtractionBenchmarks.)
BenchmarkSwitcher.FromAssembly(typeof(Winnow.Bench.ExtractionBenchmarks).Assembly).Run(args);
return 0;
