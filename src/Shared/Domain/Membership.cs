namespace Platform.Shared.Domain;

public sealed class Membership : TenantEntity
{
    public Guid UserId { get; set; }

    public TenantRole Role { get; set; }
}
