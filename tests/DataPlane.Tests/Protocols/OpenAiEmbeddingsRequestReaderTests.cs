using System.Text;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class OpenAiEmbeddingsRequestReaderTests
{
    [Fact]
    public void Read_ArrayInput_MapsFields()
    {
        var request = OpenAiEmbeddingsRequestReader.Read(
            """{"model":"text-embedding-3-small","input":["a","b"],"dimensions":16,"encoding_format":"base64","user":"u1"}"""u8);

        Assert.Equal("text-embedding-3-small", request.Model);
        Assert.Equal(["a", "b"], request.Inputs);
        Assert.Equal(16, request.Dimensions);
        Assert.Equal("base64", request.EncodingFormat);
        Assert.Equal("u1", request.Metadata["customer"]);
    }

    [Fact]
    public void Read_StringInput_IsOneInputWithFloatEncoding()
    {
        var request = OpenAiEmbeddingsRequestReader.Read("""{"model":"m","input":"hello"}"""u8);

        Assert.Equal(["hello"], request.Inputs);
        Assert.Equal("float", request.EncodingFormat);
        Assert.Null(request.Dimensions);
    }

    [Theory]
    [InlineData("""{"input":"x"}""", "model", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m"}""", "input", ClientErrorCodes.MissingParameter)]
    [InlineData("""{"model":"m","input":[]}""", "input", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","input":[1,2,3]}""", "input[0]", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","input":["a",[1,2]]}""", "input[1]", ClientErrorCodes.Unsupported)]
    [InlineData("""{"model":"m","input":["a",null]}""", "input[1]", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","input":{"text":"a"}}""", "input", ClientErrorCodes.InvalidType)]
    [InlineData("""{"model":"m","input":"a","encoding_format":"int8"}""", "encoding_format", ClientErrorCodes.InvalidValue)]
    [InlineData("""{"model":"m","input":"a","dimensions":-1}""", "dimensions", ClientErrorCodes.InvalidValue)]
    public void Read_InvalidBody_ThrowsWithParam(string json, string param, string code)
    {
        var exception = Assert.Throws<ClientRequestException>(() => OpenAiEmbeddingsRequestReader.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(param, exception.Param);
        Assert.Equal(code, exception.Code);
    }
}
