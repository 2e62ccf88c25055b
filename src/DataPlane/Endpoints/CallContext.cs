using System.Diagnostics;
using Platform.DataPlane.Budgets;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// Per-request state of one data-plane call, carried as an <see cref="HttpContext"/> feature
/// (YARP's habit) so the recorder and error paths see the same facts.
/// </summary>
internal sealed class CallContext(string endpoint, Dialect dialect, DateTime startedAt)
{
    public string RequestId { get; } = "req_" + Ids.NewVersion7().ToString("N");

    public string Endpoint { get; } = endpoint;

    public Dialect Dialect { get; } = dialect;

    public DateTime StartedAt { get; } = startedAt;

    public long StartedTimestamp { get; } = Stopwatch.GetTimestamp();

    public KeyPolicy? Key { get; set; }

    public TenantPolicy? Tenant { get; set; }

    public string? Feature { get; set; }

    public string? Customer { get; set; }

    public RouteDecision? Decision { get; set; }

    public int EstimatedInputTokens { get; set; }

    public bool Streamed { get; set; }

    /// <summary>The stored prompt the call rendered, the label it went through (null when pinned) and the exact version.</summary>
    public string? PromptName { get; set; }

    public string? PromptLabel { get; set; }

    public int? PromptVersion { get; set; }

    /// <summary>PII redaction replaced something in the messages.</summary>
    public bool Redacted { get; set; }

    /// <summary>What the call's budgets reserved at admission; settled once, when the call is recorded.</summary>
    public BudgetReservation? Budget { get; set; }

    /// <summary>Where this call's complete answer is stored; null when the call does not take part in the response cache.</summary>
    public CacheSlot? CacheSlot { get; set; }

    /// <summary>What the response cache did: the <c>x-platform-cache</c> header and the usage event's <c>CacheHit</c>.</summary>
    public CacheOutcome Cache { get; set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);
}
