using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Session;

/// <summary>
/// How a page calls an application operation (<c>IApiKeyOperations</c>, ...) as the signed-in user
/// in the active tenant. The host runs each call in a fresh DI scope with that user as the caller,
/// so a page never holds a database context for the life of its circuit, and the operation checks
/// role, tenant and input exactly as it does for the API.
/// </summary>
public interface IDashboardOperations
{
    Task<Outcome<T>> RunAsync<TOperations, T>(Func<TOperations, CancellationToken, Task<Outcome<T>>> operation, CancellationToken ct)
        where TOperations : notnull;
}
