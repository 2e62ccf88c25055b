namespace Platform.DataPlane.Chat;

internal enum FinishReason
{
    Stop,
    Length,
    ToolCalls,
    ContentFilter,
}
