namespace Platform.ControlPlane.Access;

/// <summary>
/// Runs before every tenant endpoint of the management API: resolves the <see cref="Caller"/> from
/// the authenticated principal (<see cref="CallerResolver"/>), which also sets the request's tenant
/// so every query is filtered to it, and checks the endpoint's <see cref="RequiresPermission"/>.
/// Endpoints over an application operation leave the permission to the operation. 401 without a
/// valid principal, 403 without membership or permission, both as problem details.
/// </summary>
internal sealed class TenantScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.RequestServices.GetRequiredService<Caller>();
        if (!caller.IsResolved && await CallerResolver.ResolveAsync(http.User, http.RequestServices, http.RequestAborted) is { } refusal)
        {
            return Problems.Of(refusal);
        }

        var needed = http.GetEndpoint()?.Metadata.GetMetadata<RequiresPermission>()?.Permission ?? Permission.Read;
        if (!caller.Role.Allows(needed))
        {
            return Problems.Forbidden($"The {caller.Role.ToString().ToLowerInvariant()} role may not do this ({needed}).");
        }

        return await next(context);
    }
}
