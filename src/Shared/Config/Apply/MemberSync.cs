using Microsoft.AspNetCore.Identity;
using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>
/// Members are ensured, never removed: a missing user is created (with the file's password, when
/// development allows one), a missing membership added, a role brought in line. An existing user's
/// password is never touched.
/// </summary>
internal static class MemberSync
{
    private static readonly PasswordHasher<PlatformUser> Hasher = new();

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Members)
        {
            if (desired.Password is not null && !plan.Options.AllowPlaintextKeys)
            {
                plan.Log.Error(desired.Location,
                    $"member '{desired.Email}' has a plain-text password, which is for development only; remove it or allow plain-text secrets");
                continue;
            }

            var user = EnsureUser(plan, desired);
            var path = plan.PathOf(desired.Email);
            var membership = plan.State.Memberships.Find(m => m.UserId == user.Id);
            if (membership is null)
            {
                plan.Db.Memberships.Add(new Membership { UserId = user.Id, Role = desired.Role });
                plan.Log.Add($"add member {path} as {ConfigVocabulary.Roles.NameOf(desired.Role)}");
                continue;
            }

            var changes = new FieldChanges();
            changes.Set("role", membership.Role, desired.Role, v => membership.Role = v, ConfigVocabulary.Roles.NameOf);
            plan.Log.Updated("member", path, changes);
        }
    }

    private static PlatformUser EnsureUser(TenantPlan plan, MemberConfig desired)
    {
        var normalized = desired.Email.ToUpperInvariant();
        if (plan.State.Users.TryGetValue(normalized, out var user))
        {
            return user;
        }

        user = new PlatformUser
        {
            Id = Guid.CreateVersion7(),
            UserName = desired.Email,
            NormalizedUserName = normalized,
            Email = desired.Email,
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),

            // As UserManager.CreateAsync does: failed sign-ins count towards lockout.
            LockoutEnabled = true,
        };
        if (desired.Password is not null)
        {
            user.PasswordHash = Hasher.HashPassword(user, desired.Password);
        }

        plan.Global.Users.Add(user);
        plan.State.Users[normalized] = user;
        plan.Log.Add($"create user {desired.Email}");
        return user;
    }
}
