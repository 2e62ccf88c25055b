using MudBlazor;

namespace Platform.Dashboard.Components;

/// <summary>The dashboard's one way to ask before a destructive action.</summary>
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
}
