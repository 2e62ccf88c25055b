using System.Text.Json.Serialization;
using Platform.Simulator.Scripting;

namespace Platform.Simulator;

/// <summary>Faults the simulator can play; wire names in <see cref="SimulatorFaults"/>.</summary>
[JsonConverter(typeof(SimulatorFaultJsonConverter))]
public enum SimulatorFault
{
    None = 0,

    /// <summary><c>500</c></summary>
    InternalServerError,

    /// <summary><c>502</c></summary>
    BadGateway,

    /// <summary><c>503</c></summary>
    ServiceUnavailable,

    /// <summary><c>429</c> with a Retry-After header.</summary>
    RateLimited,

    /// <summary><c>overloaded</c>: Anthropic 529, OpenAI and Gemini 503.</summary>
    Overloaded,

    /// <summary><c>hang</c>: never answers until the client gives up.</summary>
    Hang,

    /// <summary><c>reset</c>: aborts the connection without a response.</summary>
    Reset,

    /// <summary><c>malformed</c>: 200 with invalid JSON (or an invalid stream event).</summary>
    Malformed,

    /// <summary><c>stream-break</c>: about half the body, then the connection is aborted.</summary>
    StreamBreak,

    /// <summary><c>context-length</c>: the provider's prompt-too-long 400.</summary>
    ContextLength,

    /// <summary><c>content-filter</c>: OpenAI 400 content_filter, Anthropic refusal, Gemini blocked prompt.</summary>
    ContentFilter,

    /// <summary><c>auth</c>: 401.</summary>
    Auth,
}
