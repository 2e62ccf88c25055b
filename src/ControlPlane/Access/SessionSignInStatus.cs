namespace Platform.ControlPlane.Access;

/// <summary>How a <see cref="SessionSignIn"/> attempt ended.</summary>
internal enum SessionSignInStatus
{
    SignedIn,
    WrongPassword,
    LockedOut,

    /// <summary>The tenant asked for is not one of the user's (or no longer exists).</summary>
    NotMember,

    /// <summary>A switch without a valid session (the user was deleted meanwhile).</summary>
    NotSignedIn,
}
