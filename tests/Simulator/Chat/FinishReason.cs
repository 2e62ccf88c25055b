namespace Platform.Simulator.Chat;

internal enum FinishReason
{
    Stop = 0,
    Length,
    ToolCalls,
    ContentFilter,
}
