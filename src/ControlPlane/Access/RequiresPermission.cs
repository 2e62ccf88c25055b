namespace Platform.ControlPlane.Access;

/// <summary>Endpoint metadata: the permission <see cref="TenantScopeFilter"/> checks. Without it, <see cref="Permission.Read"/>.</summary>
internal sealed record RequiresPermission(Permission Permission);

internal static class RequiresPermissionExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermission(permission));
}
