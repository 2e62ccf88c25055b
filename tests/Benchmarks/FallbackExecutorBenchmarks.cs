using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Auth;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Health;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Routing;

namespace Platform.Benchmarks;

/// <summary>
/// <c>FallbackExecutor.ExecuteAsync</c> around one attempt: the per-call cost of the overall deadline, the
/// retry pipeline, the deployment's circuit breaker, the per-attempt timeout and the attempt record, without
/// any I/O. Every call of the load test pays exactly this once. <c>ExecuteOne</c>'s attempt answers at once;
/// <c>ExecuteOne_Yielding</c>'s yields first, as a real upstream call does, so every async layer above it
/// suspends and resumes (its time includes a hop through the thread pool, the same for any executor).
/// </summary>
[MemoryDiagnoser]
public class FallbackExecutorBenchmarks
{
    // Typed, as the data plane's answers are (a chat response, an opened stream): not object.
    private static readonly string Answer = "answer";
    private static readonly FallbackExecutor.Attempt<string> Answers = static (_, _) => Task.FromResult(Answer);
    private static readonly FallbackExecutor.Attempt<string> AnswersLater = static async (_, _) =>
    {
        await Task.Yield();
        return Answer;
    };

    private FallbackExecutor _executor = null!;
    private RouteDecision _decision = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policies = Policies.Instance;
        var latency = new LatencyTracker(TimeProvider.System);
        var health = new DeploymentHealth(TimeProvider.System, latency, NullLogger<DeploymentHealth>.Instance);
        var selector = new CandidateSelector(health, latency, TimeProvider.System, Random.Shared);
        _executor = new FallbackExecutor(health, new RetryPipelines(TimeProvider.System), TimeProvider.System, NullLogger<FallbackExecutor>.Instance);

        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + policies.Secret;
        var auth = KeyAuthenticator.Authenticate(context.Request, policies.Snapshot, DateTime.UtcNow);
        var request = OpenAiChatRequestReader.Read(ChatBodies.OpenAi);
        var reference = ModelReference.Resolve(request.Model, auth.Tenant!);
        _decision = selector.Select(auth.Tenant!, auth.Key!, reference,
            RequestRequirements.ForChat(request, TokenEstimator.Estimate(request), CallConstraints.None));
        if (_decision.Error is not null || ExecuteOne().Result != 1)
        {
            throw new InvalidOperationException("The executor did not answer the benchmark call.");
        }
    }

    [Benchmark]
    public async Task<int> ExecuteOne()
    {
        var outcome = await _executor.ExecuteAsync(_decision, Answers, CancellationToken.None);
        return outcome.Attempts.Count;
    }

    [Benchmark]
    public async Task<int> ExecuteOne_Yielding()
    {
        var outcome = await _executor.ExecuteAsync(_decision, AnswersLater, CancellationToken.None);
        return outcome.Attempts.Count;
    }
}
