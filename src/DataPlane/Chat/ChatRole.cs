namespace Platform.DataPlane.Chat;

internal enum ChatRole
{
    System,
    User,
    Assistant,
    Tool,
}
