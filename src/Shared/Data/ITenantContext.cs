namespace Platform.Shared.Data;

/// <summary>
/// The tenant the current unit of work acts for. It comes only from the authenticated principal or
/// the hashed API key, never from anything the caller can type.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}
