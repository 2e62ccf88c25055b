using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Auth;
using Platform.DataPlane.Health;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.OpenAi;
using Platform.DataPlane.Routing;

namespace Platform.Benchmarks;

/// <summary>
/// The CPU work of one non-streamed call before the upstream request leaves, end to end without HTTP:
/// authenticate, parse the 1.5 KB body, estimate tokens, resolve and select the route, write the upstream body
/// (pooled buffer, as <c>UpstreamHttpClient</c> does). What the load test's "added latency" should be made of,
/// apart from Kestrel, HttpClient and the recorder.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private readonly Policies _policies = Policies.Instance;
    private readonly DateTime _now = DateTime.UtcNow;
    private HttpRequest _request = null!;
    private CandidateSelector _selector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + _policies.Secret;
        _request = context.Request;
        var latency = new LatencyTracker(TimeProvider.System);
        _selector = new CandidateSelector(
            new DeploymentHealth(TimeProvider.System, latency, NullLogger<DeploymentHealth>.Instance), latency, TimeProvider.System, Random.Shared);
        if (ToOpenAiUpstream() == 0 || ToAnthropicUpstream() == 0)
        {
            throw new InvalidOperationException("The request path refused the benchmark request.");
        }
    }

    [Benchmark(Baseline = true)]
    public int ToOpenAiUpstream() => Run(anthropic: false);

    [Benchmark]
    public int ToAnthropicUpstream() => Run(anthropic: true);

    private int Run(bool anthropic)
    {
        var auth = KeyAuthenticator.Authenticate(_request, _policies.Snapshot, _now);
        if (auth.Failure != AuthFailure.None)
        {
            return 0;
        }

        var request = OpenAiChatRequestReader.Read(ChatBodies.OpenAi);
        var tokens = TokenEstimator.Estimate(request);
        var reference = ModelReference.Resolve(request.Model, auth.Tenant!);
        var decision = _selector.Select(auth.Tenant!, auth.Key!, reference, RequestRequirements.ForChat(request, tokens, CallConstraints.None));
        if (decision.Error is not null)
        {
            return 0;
        }

        var model = decision.Candidates[0];
        var upstream = request with { Model = model.UpstreamId };
        using var body = new PooledBufferWriter();
        if (anthropic)
        {
            AnthropicUpstreamRequestWriter.Write(body, model.UpstreamId, upstream, stream: false);
        }
        else
        {
            OpenAiUpstreamRequestWriter.Write(body, model.UpstreamId, upstream, stream: false);
        }

        return body.WrittenCount;
    }
}
