namespace Platform.Dashboard.Session;

/// <summary>The signed-in user of this circuit; implemented by the host, which owns sign-in.</summary>
public interface IDashboardSession
{
    /// <returns>Null when nobody is signed in (or the account is gone).</returns>
    Task<DashboardUser?> GetUserAsync(CancellationToken ct);
}
