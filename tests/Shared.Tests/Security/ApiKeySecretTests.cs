using System.Security.Cryptography;
using System.Text;
using Platform.Shared.Security;

namespace Platform.Shared.Tests.Security;

public sealed class ApiKeySecretTests
{
    [Theory]
    [InlineData("plt_demo_0123456789abcdefghijklmnopqrstuv")]
    [InlineData("")]
    [InlineData("clé-ü-株式会社")]
    public void Hash_IntoSpan_SameAsTheStoredHash(string key)
    {
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        ApiKeySecret.Hash(key, hex);

        Assert.Equal(ApiKeySecret.Hash(key), hex.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), hex.ToString());
    }

    [Fact]
    public void Hash_IntoSpan_KeyLongerThanTheStackBuffer_SameAsTheStoredHash()
    {
        var key = ApiKeySecret.Generate() + new string('x', 1000);
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        ApiKeySecret.Hash(key, hex);

        Assert.Equal(ApiKeySecret.Hash(key), hex.ToString());
    }

    [Fact]
    public void Hash_IntoSpan_ManyKeysInARow_EachItsOwn()
    {
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        for (var i = 0; i < 100; i++)
        {
            var key = ApiKeySecret.Generate();
            ApiKeySecret.Hash(key, hex);
            Assert.Equal(ApiKeySecret.Hash(key), hex.ToString());
        }
    }
}
