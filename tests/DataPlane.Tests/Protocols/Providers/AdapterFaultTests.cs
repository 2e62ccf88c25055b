using Platform.DataPlane.Chat;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Providers;
using Platform.Shared.Domain;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Protocols.Providers;

/// <summary>Every scripted simulator fault maps to the same <see cref="ErrorClass"/> in all three adapters.</summary>
public sealed class AdapterFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    public static TheoryData<int, string, int> StatusFaults()
    {
        var data = new TheoryData<int, string, int>();
        foreach (var kind in new[] { ProviderKind.OpenAiCompatible, ProviderKind.Anthropic, ProviderKind.Gemini })
        {
            data.Add((int)kind, "500", (int)ErrorClass.ServerError);
            data.Add((int)kind, "502", (int)ErrorClass.ServerError);
            data.Add((int)kind, "503", (int)ErrorClass.Overloaded);
            data.Add((int)kind, "overloaded", (int)ErrorClass.Overloaded);
            data.Add((int)kind, "context-length", (int)ErrorClass.ContextLength);
            data.Add((int)kind, "auth", (int)ErrorClass.Auth);
            data.Add((int)kind, "reset", (int)ErrorClass.Connection);
            data.Add((int)kind, "malformed", (int)ErrorClass.MalformedResponse);
        }

        return data;
    }

    public static TheoryData<int> Kinds => [(int)ProviderKind.OpenAiCompatible, (int)ProviderKind.Anthropic, (int)ProviderKind.Gemini];

    private UpstreamTarget Scripted(int kind, string name, ModelScript script)
    {
        var model = $"{(ProviderKind)kind}-fault-{name}-{Guid.NewGuid():N}".ToLowerInvariant();
        fixture.Server.Scripts.Set(model, script);
        return fixture.Target((ProviderKind)kind, model);
    }

    private static ModelScript Fault(string wireName)
    {
        Assert.True(SimulatorFaults.TryParse(wireName, out var fault));
        return new ModelScript { Fault = fault };
    }

    [Theory]
    [MemberData(nameof(StatusFaults))]
    public async Task CompleteAsync_Fault_ThrowsMappedClass(int kind, string fault, int expected)
    {
        var target = Scripted(kind, fault, Fault(fault));

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter((ProviderKind)kind).CompleteAsync(target, AdapterTestData.Chat(), default));

        Assert.Equal((ErrorClass)expected, exception.ErrorClass);
        Assert.DoesNotContain(SimulatorFixture.Credential, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StatusFaults))]
    public async Task StreamAsync_Fault_ThrowsMappedClass(int kind, string fault, int expected)
    {
        var target = Scripted(kind, fault, Fault(fault));
        var events = new List<StreamEvent>();

        var exception = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var streamEvent in fixture.Adapter((ProviderKind)kind).StreamAsync(target, AdapterTestData.Chat(stream: true), default))
            {
                events.Add(streamEvent);
            }
        });

        Assert.Equal((ErrorClass)expected, exception.ErrorClass);
        if (fault != "malformed")
        {
            Assert.Empty(events); // HTTP errors surface before anything is yielded.
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAsync_RateLimited_CarriesRetryAfter(int kind)
    {
        var target = Scripted(kind, "429", new ModelScript { Fault = SimulatorFault.RateLimited, RetryAfterSeconds = 7 });

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter((ProviderKind)kind).CompleteAsync(target, AdapterTestData.Chat(), default));

        Assert.Equal(ErrorClass.RateLimited, exception.ErrorClass);
        Assert.Equal(429, exception.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StreamAsync_StreamBreak_ThrowsStreamBrokenAfterSomeEvents(int kind)
    {
        var target = Scripted(kind, "break", Fault("stream-break"));
        var events = new List<StreamEvent>();

        var exception = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var streamEvent in fixture.Adapter((ProviderKind)kind).StreamAsync(target, AdapterTestData.Chat(stream: true), default))
            {
                events.Add(streamEvent);
            }
        });

        Assert.Equal(ErrorClass.StreamBroken, exception.ErrorClass);
        Assert.IsType<StreamStart>(events[0]);
        Assert.Contains(events, e => e is TextDelta);
        Assert.DoesNotContain(events, e => e is StreamFinish);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAsync_BodyCutMidway_ThrowsConnection(int kind)
    {
        var target = Scripted(kind, "cut", Fault("stream-break"));

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter((ProviderKind)kind).CompleteAsync(target, AdapterTestData.Chat(), default));

        Assert.Equal(ErrorClass.Connection, exception.ErrorClass);
    }

    [Fact]
    public async Task CompleteAsync_OpenAiContentFilter_ThrowsContentFilter()
    {
        var target = Scripted((int)ProviderKind.OpenAiCompatible, "filter", Fault("content-filter"));

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter(ProviderKind.OpenAiCompatible).CompleteAsync(target, AdapterTestData.Chat(), default));

        Assert.Equal(ErrorClass.ContentFilter, exception.ErrorClass);
        Assert.Equal(400, exception.Status);
    }

    [Theory]
    [InlineData((int)ProviderKind.Anthropic)]
    [InlineData((int)ProviderKind.Gemini)]
    public async Task CompleteAndStream_RefusalIn200_IsContentFilterFinish(int kind)
    {
        var target = Scripted(kind, "refusal", Fault("content-filter"));
        var adapter = fixture.Adapter((ProviderKind)kind);

        var response = await adapter.CompleteAsync(target, AdapterTestData.Chat(), default);
        var events = await AdapterTestData.CollectAsync(adapter.StreamAsync(target, AdapterTestData.Chat(stream: true), default));

        Assert.Equal(FinishReason.ContentFilter, response.FinishReason);
        Assert.Equal("", response.Text);
        Assert.Equal(FinishReason.ContentFilter, Assert.Single(events.OfType<StreamFinish>()).Reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CompleteAndStream_Hang_CancellationPropagates(int kind)
    {
        var target = Scripted(kind, "hang", Fault("hang"));
        var adapter = fixture.Adapter((ProviderKind)kind);

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapter.CompleteAsync(target, AdapterTestData.Chat(), timeout.Token));
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                AdapterTestData.CollectAsync(adapter.StreamAsync(target, AdapterTestData.Chat(stream: true), timeout.Token)));
        }
    }

    [Fact]
    public async Task StreamAsync_CancelledMidStream_CancellationPropagates()
    {
        var target = Scripted((int)ProviderKind.Anthropic, "slow", new ModelScript { ChunkGapMs = 200 });
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in fixture.Adapter(ProviderKind.Anthropic).StreamAsync(target, AdapterTestData.Chat(stream: true), cancellation.Token))
            {
                if (++seen == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.True(seen >= 2);
    }

    [Fact]
    public async Task CompleteAsync_ConnectionRefused_ThrowsConnection()
    {
        var target = new UpstreamTarget(ProviderKind.OpenAiCompatible, new Uri("http://127.0.0.1:1/"), "m", SimulatorFixture.Credential);

        var exception = await Assert.ThrowsAsync<UpstreamException>(() =>
            fixture.Adapter(ProviderKind.OpenAiCompatible).CompleteAsync(target, AdapterTestData.Chat(), default));

        Assert.Equal(ErrorClass.Connection, exception.ErrorClass);
        Assert.Null(exception.Status);
    }
}
