namespace Platform.Simulator.Chat;

internal enum LastTurn
{
    Other = 0,
    UserText,
    ToolResult,
}
