namespace Platform.Simulator.Chat;

internal enum ToolMode
{
    Auto = 0,
    None,
    Required,
    Forced,
}
