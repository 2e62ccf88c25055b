using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Auth;

internal enum AuthFailure
{
    None,
    Missing,
    Invalid,
    Expired,
    Revoked,
}

internal readonly record struct AuthOutcome(KeyPolicy? Key, TenantPolicy? Tenant, AuthFailure Failure)
{
    public static AuthOutcome Fail(AuthFailure failure) => new(null, null, failure);

    public string Message => Failure switch
    {
        AuthFailure.Missing => "Missing API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
        AuthFailure.Expired => "This API key has expired.",
        AuthFailure.Revoked => "This API key has been revoked.",
        _ => "Incorrect API key provided.",
    };

    public string Code => Failure switch
    {
        AuthFailure.Missing => "missing_api_key",
        AuthFailure.Expired => "api_key_expired",
        AuthFailure.Revoked => "api_key_revoked",
        _ => "invalid_api_key",
    };
}
