namespace Platform.Simulator.Chat;

internal enum JsonMode
{
    None = 0,
    AnyObject,
    Schema,
}
