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
}
