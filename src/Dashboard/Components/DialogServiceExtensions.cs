using MudBlazor;

namespace Platform.Dashboard.Components;

/// <summary>The dashboard's message boxes: asking before a destructive action, and saying why one cannot be done.</summary>
public static class DialogServiceExtensions
{
    /// <summary>
    /// A message box with <paramref name="yesText"/> (the action, e.g. "Delete") and Cancel; true
    /// only when the action was chosen, so Escape, Cancel and closing the box change nothing.
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var answer = await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = title,
            Message = message,
            YesText = yesText,
            CancelText = "Cancel",
        });
        return answer == true;
    }

    /// <summary>A message box with only OK: why an action cannot be done now.</summary>
    public static async Task InformAsync(this IDialogService dialogs, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = "OK" });
    }
}
