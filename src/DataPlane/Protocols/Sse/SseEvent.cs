namespace Platform.DataPlane.Protocols.Sse;

/// <summary>One server-sent event; both spans are valid until the next read. <see cref="Event"/> is empty for the default type.</summary>
internal readonly record struct SseEvent(ReadOnlyMemory<byte> Event, ReadOnlyMemory<byte> Data);
