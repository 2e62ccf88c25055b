using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Platform.Dashboard.Session;

namespace Platform.Dashboard.Layout;

/// <summary>
/// The dashboard's frame: app bar (tenant switcher, account menu), responsive navigation drawer,
/// and the page. It reads the signed-in user once per circuit and cascades it, so pages know the
/// user's rights without a query of their own.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private DashboardUser? _user;
    private bool _loading = true;
    private bool _drawerOpen = true;
    private ErrorBoundary? _errors;
    private ElementReference _content;

    [Inject]
    private IDashboardSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = await Session.GetUserAsync(_disposed.Token);
        _loading = false;
        Navigation.LocationChanged += OnLocationChanged;
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    // A failed page should not stay failed after the user navigates to another one.
    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) => _errors?.Recover();

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    // A same-page "#main-content" link would be taken over by Blazor's router, which scrolls but
    // leaves focus on the link; focusing the content itself makes the next Tab land inside the page.
    private async Task SkipToContentAsync() => await _content.FocusAsync();
}
