namespace Platform.Shared.Domain;

public enum TenantRole
{
    Viewer = 0,
    Finance = 1,
    Admin = 2,
    Owner = 3,
}
