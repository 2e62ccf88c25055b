using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Health;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;
using Polly.CircuitBreaker;
using static Platform.DataPlane.Tests.Routing.TestPolicies;

namespace Platform.DataPlane.Tests.Health;

public sealed class DeploymentHealthTests
{
    private static readonly FallbackRules Rules = FallbackRules.Default with
    {
        BreakerFailureRatio = 0.5,
        BreakerMinimumThroughput = 4,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(15),
    };

    [Fact]
    public async Task ExecuteAsync_BreakingFailuresReachThreshold_OpensCircuit()
    {
        var (health, _) = Create();
        var model = Model("openai/flaky");

        for (var i = 0; i < 3; i++)
        {
            await Fail(health, model, ErrorClass.ServerError);
        }

        var openBeforeThreshold = health.IsOpen(model.Id);
        await Fail(health, model, ErrorClass.Timeout);

        Assert.False(openBeforeThreshold);
        Assert.True(health.IsOpen(model.Id));
        Assert.Equal(CircuitState.Open, health.GetState(model.Id));
    }

    [Fact]
    public async Task ExecuteAsync_FailureRatioBelowThreshold_StaysClosed()
    {
        var (health, _) = Create();
        var model = Model("openai/mostly-fine");

        for (var i = 0; i < 6; i++)
        {
            await Succeed(health, model);
        }

        for (var i = 0; i < 3; i++)
        {
            await Fail(health, model, ErrorClass.ServerError);
        }

        Assert.False(health.IsOpen(model.Id));
        Assert.Equal(CircuitState.Closed, health.GetState(model.Id));
    }

    [Theory]
    [InlineData("bad_request")]
    [InlineData("content_filter")]
    [InlineData("context_length")]
    [InlineData("auth")]
    public async Task ExecuteAsync_NonBreakingClass_NeverOpens(string errorClassName)
    {
        Assert.True(ErrorClassNames.TryParse(errorClassName, out var errorClass));
        var (health, _) = Create();
        var model = Model("openai/strict");

        for (var i = 0; i < 20; i++)
        {
            await Fail(health, model, errorClass);
        }

        Assert.False(health.IsOpen(model.Id));
        Assert.Equal(CircuitState.Closed, health.GetState(model.Id));
    }

    [Fact]
    public async Task ExecuteAsync_WhileOpen_RejectsWithoutCallingUpstream()
    {
        var (health, _) = Create();
        var model = Model("openai/down");
        await OpenCircuit(health, model);
        var calls = 0;

        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await health.Pipeline(model, Rules).ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(1);
        }, CancellationToken.None));

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task IsOpen_AfterBreakDuration_AllowsProbeAndSuccessCloses()
    {
        var (health, time) = Create();
        var model = Model("openai/recovering");
        await OpenCircuit(health, model);

        time.Advance(TimeSpan.FromSeconds(14));
        var openDuringBreak = health.IsOpen(model.Id);
        time.Advance(TimeSpan.FromSeconds(2));
        var openAfterBreak = health.IsOpen(model.Id);
        var result = await health.Pipeline(model, Rules).ExecuteAsync(_ => ValueTask.FromResult(42), CancellationToken.None);

        Assert.True(openDuringBreak);
        Assert.False(openAfterBreak);
        Assert.Equal(42, result);
        Assert.Equal(CircuitState.Closed, health.GetState(model.Id));
        Assert.False(health.IsOpen(model.Id));
    }

    [Fact]
    public async Task ExecuteAsync_HalfOpenProbeFails_OpensAgainForAnotherBreak()
    {
        var (health, time) = Create();
        var model = Model("openai/still-down");
        await OpenCircuit(health, model);
        time.Advance(TimeSpan.FromSeconds(16));

        await Fail(health, model, ErrorClass.Connection);

        Assert.True(health.IsOpen(model.Id));
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.True(health.IsOpen(model.Id));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(health.IsOpen(model.Id));
    }

    [Fact]
    public async Task RecordFailureAsync_StreamBrokeAfterStart_CountsTowardsBreaker()
    {
        var (health, _) = Create();
        var model = Model("openai/streamy");

        for (var i = 0; i < 4; i++)
        {
            await health.RecordFailureAsync(model, Rules, ErrorClass.StreamBroken);
        }

        Assert.True(health.IsOpen(model.Id));
    }

    [Fact]
    public async Task RecordFailureAsync_NonBreakingClass_IsIgnored()
    {
        var (health, _) = Create();
        var model = Model("openai/filtered");

        for (var i = 0; i < 10; i++)
        {
            await health.RecordFailureAsync(model, Rules, ErrorClass.ContentFilter);
        }

        Assert.False(health.IsOpen(model.Id));
    }

    [Fact]
    public async Task ExecuteAsync_NewSnapshotWithDifferentBreakerSettings_RebuildsCircuit()
    {
        var (health, _) = Create();
        var model = Model("openai/reconfigured");
        await OpenCircuit(health, model);
        var nextSnapshotModel = model with { };
        var laxer = Rules with { BreakerMinimumThroughput = 100 };

        await Succeed(health, nextSnapshotModel, laxer);

        Assert.False(health.IsOpen(model.Id));
        Assert.Equal(CircuitState.Closed, health.GetState(model.Id));
    }

    [Fact]
    public async Task ExecuteAsync_NewSnapshotWithSameSettings_KeepsCircuitState()
    {
        var (health, _) = Create();
        var model = Model("openai/unchanged");
        await OpenCircuit(health, model);

        var stillOpen = health.IsOpen((model with { }).Id);
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await Succeed(health, model with { }));

        Assert.True(stillOpen);
    }

    [Fact]
    public async Task ExecuteAsync_SameSnapshotOtherRouteSettings_DoesNotResetHistory()
    {
        var (health, _) = Create();
        var model = Model("openai/shared");
        await OpenCircuit(health, model);

        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await Succeed(health, model, Rules with { BreakerMinimumThroughput = 50 }));

        Assert.True(health.IsOpen(model.Id));
    }

    [Fact]
    public async Task Select_OpenCircuit_ExcludesCandidateAsCircuitOpen()
    {
        var harness = CreateHarness();
        var down = Model("openai/down");
        var up = Model("anthropic/up");
        var tenant = Tenant([down, up], [Route("r", RoutingStrategy.Priority, down, up) with { Fallback = Rules }]);
        await OpenCircuit(harness.Health, down);

        var decision = harness.Select(tenant, "route:r", Needs());

        Assert.Equal([up], decision.Candidates);
        var excluded = Assert.Single(decision.Excluded);
        Assert.Equal("openai/down", excluded.Model);
        Assert.Equal("circuit_open", excluded.Reason);
    }

    [Fact]
    public async Task Select_AllCircuitsOpen_Fails503NoHealthyCandidate()
    {
        var harness = CreateHarness();
        var a = Model("openai/a");
        var b = Model("anthropic/b");
        var tenant = Tenant([a, b], [Route("r", RoutingStrategy.Priority, a, b) with { Fallback = Rules }]);
        await OpenCircuit(harness.Health, a);
        await OpenCircuit(harness.Health, b);

        var decision = harness.Select(tenant, "route:r", Needs());

        Assert.False(decision.Succeeded);
        Assert.Equal(503, decision.Error!.StatusCode);
        Assert.Equal("no_healthy_candidate", decision.Error.Code);
        Assert.Equal("no candidate of route 'r' is healthy (all circuits are open)", decision.Error.Message);
        Assert.All(decision.Excluded, e => Assert.Equal("circuit_open", e.Reason));
    }

    [Fact]
    public async Task Select_OpenOneLacksToolsOtherOpen_503NamesOnlyTheOneThatCouldServe()
    {
        var harness = CreateHarness();
        var noTools = Model("openai/no-tools", ModelCapabilities.Streaming);
        var tools = Model("anthropic/tools");
        var tenant = Tenant([noTools, tools], [Route("r", RoutingStrategy.Priority, noTools, tools) with { Fallback = Rules }]);
        await OpenCircuit(harness.Health, tools);

        var decision = harness.Select(tenant, "route:r", Needs() with { NeedsTools = true });

        Assert.Equal(503, decision.Error?.StatusCode);
        Assert.Equal("no candidate of route 'r' is healthy (all circuits are open)", decision.Error?.Message);
    }

    [Fact]
    public async Task Select_CircuitHalfOpenAfterBreak_CandidateReturns()
    {
        var harness = CreateHarness();
        var a = Model("openai/a");
        var tenant = Tenant([a], [Route("r", RoutingStrategy.Priority, a) with { Fallback = Rules }]);
        await OpenCircuit(harness.Health, a);
        var during = harness.Select(tenant, "route:r", Needs());

        harness.Time.Advance(TimeSpan.FromSeconds(16));
        var after = harness.Select(tenant, "route:r", Needs());

        Assert.False(during.Succeeded);
        Assert.Equal([a], after.Candidates);
    }

    private static (DeploymentHealth Health, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider();
        return (new DeploymentHealth(time, new LatencyTracker(time), NullLogger<DeploymentHealth>.Instance), time);
    }

    private static async Task OpenCircuit(DeploymentHealth health, ModelPolicy model)
    {
        for (var i = 0; i < 4; i++)
        {
            await Fail(health, model, ErrorClass.ServerError);
        }

        Assert.True(health.IsOpen(model.Id));
    }

    private static async Task Succeed(DeploymentHealth health, ModelPolicy model, FallbackRules? rules = null) =>
        await health.Pipeline(model, rules ?? Rules).ExecuteAsync(_ => ValueTask.FromResult(true), CancellationToken.None);

    private static async Task Fail(DeploymentHealth health, ModelPolicy model, ErrorClass errorClass)
    {
        var thrown = await Assert.ThrowsAsync<UpstreamException>(async () => await health.Pipeline(model, Rules).ExecuteAsync<bool>(
            _ => throw new UpstreamException(errorClass, "simulated"),
            CancellationToken.None));
        Assert.Equal(errorClass, thrown.ErrorClass);
    }
}
