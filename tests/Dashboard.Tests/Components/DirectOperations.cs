using Microsoft.Extensions.DependencyInjection;
using Platform.Dashboard.Session;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The test double of the host's runner: hands the page the fake operation service from the test's container.</summary>
internal sealed class DirectOperations(IServiceProvider services) : IDashboardOperations
{
    public Task<Outcome<T>> RunAsync<TOperations, T>(Func<TOperations, CancellationToken, Task<Outcome<T>>> operation, CancellationToken ct)
        where TOperations : notnull =>
        operation(services.GetRequiredService<TOperations>(), ct);
}
