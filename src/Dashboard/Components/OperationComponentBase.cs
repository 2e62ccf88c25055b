using Microsoft.AspNetCore.Components;
using Platform.Dashboard.Account;
using Platform.Dashboard.Session;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Components;

/// <summary>
/// Base of pages and dialogs that call application operations: runs them through
/// <see cref="IDashboardOperations"/> (one scope per call, as the signed-in user), cancels what is
/// in flight when the component goes away, and sends the browser to sign in when the session ended.
/// </summary>
public abstract class OperationComponentBase : ComponentBase, IDisposable
{
    // Cancelled, never disposed: a call still running when the page goes away reads its token.
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    private IDashboardOperations Operations { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// <c>await RunAsync((IApiKeyOperations keys, CancellationToken ct) =&gt; keys.ListAsync(query, ct))</c>:
    /// the lambda's parameter type picks the operation service.
    /// </summary>
    protected async Task<Outcome<T>> RunAsync<TOperations, T>(Func<TOperations, CancellationToken, Task<Outcome<T>>> operation)
        where TOperations : notnull
    {
        Outcome<T> outcome;
        try
        {
            outcome = await Operations.RunAsync(operation, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page was left mid-call (navigating away while a list loads): nobody sees this
            // answer, and letting the cancellation escape would show the error page instead.
            return new Failure(OutcomeStatus.Conflict, "The page was closed before the answer came.", new Dictionary<string, string[]>());
        }

        if (outcome.Status == OutcomeStatus.Unauthorized)
        {
            Navigation.NavigateTo(AccountPaths.SignIn(Navigation), forceLoad: true);
        }

        return outcome;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
        }
    }
}
