using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Tests;

/// <summary>Users that tests make for themselves, outside any tenant.</summary>
internal static class TestUsers
{
    /// <summary>A platform operator <c>operator@&lt;domain&gt;.test</c> with the fixture's password and no membership.</summary>
    /// <returns>The domain, for <see cref="ControlPlaneFixture.SignInAsync"/>(<c>"operator"</c>, domain).</returns>
    public static async Task<string> CreateOperatorAsync(ControlPlaneFixture fixture)
    {
        var domain = "ops" + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(fixture, $"operator@{domain}.test");
        await using var db = fixture.Db(null);
        var user = await db.Users.SingleAsync(u => u.Email == $"operator@{domain}.test");
        user.IsPlatformOperator = true;
        await db.SaveChangesAsync();
        return domain;
    }

    public static async Task<Guid> CreateAsync(ControlPlaneFixture fixture, string email)
    {
        using var scope = fixture.Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, ControlPlaneFixture.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public static async Task<Guid> IdAsync(ControlPlaneFixture fixture, string email)
    {
        await using var db = fixture.Db(null);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
