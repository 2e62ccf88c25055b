using Microsoft.AspNetCore.Components.Authorization;
using Platform.ControlPlane.Access;
using Platform.Dashboard.Session;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.DashboardHost;

/// <summary>
/// Runs a dashboard page's operation call the way the API runs a request: a fresh DI scope (its
/// own database context, not one held for the life of the circuit), the circuit's principal
/// turned into the scope's <see cref="Caller"/> and tenant by <see cref="CallerResolver"/>, then the
/// operation, which checks the role itself. Membership is read again on every call, so a member
/// removed meanwhile is refused at once, as on the API.
/// </summary>
internal sealed class DashboardOperations(AuthenticationStateProvider authentication, IServiceScopeFactory scopes) : IDashboardOperations
{
    public async Task<Outcome<T>> RunAsync<TOperations, T>(Func<TOperations, CancellationToken, Task<Outcome<T>>> operation, CancellationToken ct)
        where TOperations : notnull
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        if (await CallerResolver.ResolveAsync(principal, scope.ServiceProvider, ct) is { } refusal)
        {
            return refusal;
        }

        return await operation(scope.ServiceProvider.GetRequiredService<TOperations>(), ct);
    }
}
