namespace Platform.DataPlane.Chat;

/// <summary>
/// One wire-neutral piece of a streamed answer. Upstream stream readers produce these; client
/// stream writers turn them into OpenAI chunks or Anthropic events. Never buffered whole.
/// </summary>
internal abstract record StreamEvent;

/// <summary>Start of the answer: the id and the exact model.</summary>
internal sealed record StreamStart(string Id, string Model) : StreamEvent;

internal sealed record TextDelta(string Text) : StreamEvent;

/// <summary>A tool call begins; its arguments follow as <see cref="ToolArgumentsDelta"/>s with the same index.</summary>
internal sealed record ToolCallStart(int Index, string Id, string Name) : StreamEvent;

internal sealed record ToolArgumentsDelta(int Index, string Fragment) : StreamEvent;

internal sealed record StreamFinish(FinishReason Reason) : StreamEvent;

/// <summary>Token usage; providers send it at the end (OpenAI with include_usage) or in pieces (Anthropic).</summary>
internal sealed record StreamUsage(Usage Usage) : StreamEvent;
