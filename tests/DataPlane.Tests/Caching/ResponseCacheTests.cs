using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Routing;
using Platform.DataPlane.Tests.Health;
using Platform.DataPlane.Tests.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Caching;

public sealed class ResponseCacheTests
{
    private static readonly ModelPolicy Gpt = TestPolicies.Model("oa/gpt");
    private static readonly RoutePolicy Cached = TestPolicies.Route("main", RoutingStrategy.Priority, Gpt) with { CacheEnabled = true, CacheTtl = TimeSpan.FromSeconds(60) };
    private static readonly ChatRequest Request = OpenAiChatRequestReader.Read(Encoding.UTF8.GetBytes("""{"model":"route:main","messages":[{"role":"user","content":"Hi"}]}"""));

    private readonly FakeTimeProvider _clock = new();
    private readonly TenantPolicy _tenant = TestPolicies.Tenant([Gpt]);

    [Fact]
    public void Lookup_AfterStore_HitWithTheStoredAnswerAndModel()
    {
        using var cache = NewCache();
        var first = Call();
        Assert.Null(cache.Lookup(first, Cached, CallConstraints.None, new HeaderDictionary(), Request));
        Assert.Equal(CacheOutcome.Miss, first.Cache);
        cache.Store(first, Answer("Hello!"), Gpt);

        var second = Call();
        var hit = cache.Lookup(second, Cached, CallConstraints.None, new HeaderDictionary(), Request);

        Assert.NotNull(hit);
        Assert.Equal("Hello!", hit.Response.Text);
        Assert.Same(Gpt, hit.Model);
        Assert.Equal(CacheOutcome.Hit, second.Cache);
    }

    [Fact]
    public void Lookup_TtlPassed_Miss()
    {
        using var cache = NewCache();
        StoreOne(cache, Cached);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(cache.Lookup(Call(), Cached, CallConstraints.None, new HeaderDictionary(), Request));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var late = Call();
        Assert.Null(cache.Lookup(late, Cached, CallConstraints.None, new HeaderDictionary(), Request));
        Assert.Equal(CacheOutcome.Miss, late.Cache);
    }

    [Fact]
    public void Lookup_RouteWithoutTtl_DefaultTtlFromOptions()
    {
        using var cache = NewCache(defaultTtl: TimeSpan.FromSeconds(10));
        var route = Cached with { CacheTtl = null };
        StoreOne(cache, route);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(cache.Lookup(Call(), route, CallConstraints.None, new HeaderDictionary(), Request));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(cache.Lookup(Call(), route, CallConstraints.None, new HeaderDictionary(), Request));
    }

    [Fact]
    public void Lookup_OtherTenantSameRequest_Miss()
    {
        using var cache = NewCache();
        StoreOne(cache, Cached);

        var other = new CallContext("chat", Dialect.OpenAi, DateTime.UtcNow) { Tenant = TestPolicies.Tenant([Gpt]) };

        Assert.Null(cache.Lookup(other, Cached, CallConstraints.None, new HeaderDictionary(), Request));
        Assert.Equal(CacheOutcome.Miss, other.Cache);
    }

    [Theory]
    [InlineData(Sensitivity.PrivateOnly, Sensitivity.None)]
    [InlineData(Sensitivity.Redact, Sensitivity.None)]
    [InlineData(Sensitivity.None, Sensitivity.PrivateOnly)]
    [InlineData(Sensitivity.None, Sensitivity.Redact)]
    public void Lookup_SensitiveRouteOrCall_NotTakingPart(Sensitivity route, Sensitivity call)
    {
        using var cache = NewCache();
        var sensitive = Cached with { Sensitivity = route };
        var context = Call();

        Assert.Null(cache.Lookup(context, sensitive, new CallConstraints { Sensitivity = call }, new HeaderDictionary(), Request));
        cache.Store(context, Answer("secret"), Gpt);

        Assert.Null(context.CacheSlot);
        Assert.Equal(CacheOutcome.None, context.Cache);
        Assert.Null(cache.Lookup(Call(), Cached, CallConstraints.None, new HeaderDictionary(), Request));
    }

    [Fact]
    public void Lookup_RouteWithoutCache_NotTakingPart()
    {
        using var cache = NewCache();
        var context = Call();

        Assert.Null(cache.Lookup(context, Cached with { CacheEnabled = false }, CallConstraints.None, new HeaderDictionary(), Request));

        Assert.Null(context.CacheSlot);
        Assert.Equal(CacheOutcome.None, context.Cache);
    }

    [Theory]
    [InlineData("x-platform-cache", "no-cache")]
    [InlineData("x-platform-cache", "no-store")]
    [InlineData("Cache-Control", "no-cache")]
    [InlineData("Cache-Control", "max-age=0, no-store")]
    public void Lookup_CallerSaysNoCache_NeitherServedNorStored(string header, string value)
    {
        using var cache = NewCache();
        StoreOne(cache, Cached, "old");
        var headers = new HeaderDictionary { [header] = value };
        var context = Call();

        Assert.Null(cache.Lookup(context, Cached, CallConstraints.None, headers, Request));
        cache.Store(context, Answer("new"), Gpt);

        Assert.Equal(CacheOutcome.Bypass, context.Cache);
        Assert.Equal("old", cache.Lookup(Call(), Cached, CallConstraints.None, new HeaderDictionary(), Request)?.Response.Text);
    }

    [Theory]
    [InlineData(nameof(FinishReason.ContentFilter), false)]
    [InlineData(nameof(FinishReason.Stop), true)]
    [InlineData(nameof(FinishReason.Length), true)]
    [InlineData(nameof(FinishReason.ToolCalls), true)]
    public void Store_OnlyCompleteAnswers(string finishReason, bool stored)
    {
        var finish = Enum.Parse<FinishReason>(finishReason);
        using var cache = NewCache();
        var context = Call();
        cache.Lookup(context, Cached, CallConstraints.None, new HeaderDictionary(), Request);
        cache.Store(context, Answer("text") with { FinishReason = finish }, Gpt);

        Assert.Equal(stored, cache.Lookup(Call(), Cached, CallConstraints.None, new HeaderDictionary(), Request) is not null);
    }

    [Fact]
    public void Store_LargerThanTheSizeLimit_NotKept()
    {
        using var cache = NewCache(sizeLimit: 1024);
        var context = Call();
        cache.Lookup(context, Cached, CallConstraints.None, new HeaderDictionary(), Request);
        cache.Store(context, Answer(new string('x', 4096)), Gpt);

        Assert.Null(cache.Lookup(Call(), Cached, CallConstraints.None, new HeaderDictionary(), Request));
    }

    [Fact]
    public void DegradedAnswer_CachedAnswerPolicyWithoutCacheEnabled_StoredButServedOnlyWhenDegraded()
    {
        using var cache = NewCache();
        var route = Cached with
        {
            CacheEnabled = false,
            Fallback = FallbackRules.Default with { DegradedMode = DegradedMode.CachedAnswer },
        };
        StoreOne(cache, route, "earlier");

        var context = Call();
        Assert.Null(cache.Lookup(context, route, CallConstraints.None, new HeaderDictionary(), Request));
        Assert.Equal(CacheOutcome.None, context.Cache);

        Assert.Equal("earlier", cache.DegradedAnswer(context)?.Response.Text);
        Assert.Equal(CacheOutcome.Hit, context.Cache);
    }

    [Fact]
    public void DegradedAnswer_PolicyNotCachedAnswer_Null()
    {
        using var cache = NewCache();
        StoreOne(cache, Cached);
        var context = Call();
        Assert.NotNull(cache.Lookup(context, Cached, CallConstraints.None, new HeaderDictionary(), Request));

        Assert.Null(cache.DegradedAnswer(context));
    }

    private ResponseCache NewCache(long sizeLimit = 1024 * 1024, TimeSpan? defaultTtl = null) =>
        new(Options.Create(new CacheOptions { SizeLimitBytes = sizeLimit, DefaultTtl = defaultTtl ?? TimeSpan.FromSeconds(300) }), _clock);

    private CallContext Call() => new("chat", Dialect.OpenAi, DateTime.UtcNow) { Tenant = _tenant };

    private void StoreOne(ResponseCache cache, RoutePolicy route, string text = "Hello!")
    {
        var context = Call();
        cache.Lookup(context, route, CallConstraints.None, new HeaderDictionary(), Request);
        cache.Store(context, Answer(text), Gpt);
    }

    private static ChatResponse Answer(string text) => new()
    {
        Id = "chatcmpl-1",
        Model = "gpt",
        Text = text,
        FinishReason = FinishReason.Stop,
        Usage = new Chat.Usage(10, 5, 0),
    };
}
