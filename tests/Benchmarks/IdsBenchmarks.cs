using BenchmarkDotNet.Attributes;
using Platform.Shared.Domain;

namespace Platform.Benchmarks;

/// <summary>
/// One id from the runtime's generators (the operating system's cryptographic source, a <c>getrandom</c> system
/// call each) against one from <see cref="Ids"/> (<see cref="Random.Shared"/>, no system call). A proxied call makes
/// five: its request id, and an id and a concurrency stamp for its usage row and for its attempt.
/// </summary>
[MemoryDiagnoser]
public class IdsBenchmarks
{
    [Benchmark(Baseline = true)]
    public Guid Runtime_CreateVersion7() => Guid.CreateVersion7();

    [Benchmark]
    public Guid Ids_NewVersion7() => Ids.NewVersion7();

    [Benchmark]
    public Guid Runtime_NewGuid() => Guid.NewGuid();

    [Benchmark]
    public Guid Ids_NewRandom() => Ids.NewRandom();
}
