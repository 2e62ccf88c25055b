namespace Platform.DataPlane.Routing;

internal enum ModelReferenceKind
{
    /// <summary>Names nothing in the tenant's policy; <see cref="ModelReference.Problem"/> says why.</summary>
    Unknown,
    Route,
    Tier,
    Model,
}
