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
    public void Hash_IntoSpanAndAsString_Sha256OfTheUtf8Bytes(string key)
    {
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        ApiKeySecret.Hash(key, hex);

        Assert.Equal(Sha256Hex(key), hex.ToString());
        Assert.Equal(Sha256Hex(key), ApiKeySecret.Hash(key));
    }

    [Fact]
    public void Hash_IntoSpan_KeyLongerThanTheStackBuffer_Sha256OfTheUtf8Bytes()
    {
        var key = ApiKeySecret.Generate() + new string('x', 1000);
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        ApiKeySecret.Hash(key, hex);

        Assert.Equal(Sha256Hex(key), hex.ToString());
    }

    [Fact]
    public void Hash_IntoSpan_ManyKeysInARow_EachItsOwn()
    {
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];

        for (var i = 0; i < 100; i++)
        {
            var key = ApiKeySecret.Generate();
            ApiKeySecret.Hash(key, hex);
            Assert.Equal(Sha256Hex(key), hex.ToString());
        }
    }

    private static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
