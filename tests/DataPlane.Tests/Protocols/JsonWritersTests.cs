using System.Buffers;
using System.Text;
using Platform.DataPlane.Protocols.Json;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class JsonWritersTests
{
    [Fact]
    public void Rent_AfterReturn_SameWriterWritesOnlyIntoTheNewOutput()
    {
        var first = new ArrayBufferWriter<byte>();
        var second = new ArrayBufferWriter<byte>();

        var writer = JsonWriters.Rent(first);
        writer.WriteStartObject();
        writer.WriteString("a", "é<b>");
        writer.WriteEndObject();
        JsonWriters.Return(writer);
        var again = JsonWriters.Rent(second);
        again.WriteStartArray();
        again.WriteNumberValue(1);
        again.WriteEndArray();
        JsonWriters.Return(again);

        Assert.Same(writer, again);
        Assert.Equal("""{"a":"é<b>"}""", Encoding.UTF8.GetString(first.WrittenSpan));
        Assert.Equal("[1]", Encoding.UTF8.GetString(second.WrittenSpan));
    }

    [Fact]
    public void Rent_WhileTheThreadsWriterIsOut_AnotherWriter()
    {
        var outer = JsonWriters.Rent(new ArrayBufferWriter<byte>());
        var inner = JsonWriters.Rent(new ArrayBufferWriter<byte>());

        Assert.NotSame(outer, inner);
        JsonWriters.Return(inner);
        JsonWriters.Return(outer);
    }

    [Fact]
    public void Rent_AfterABodyFailedHalfWay_StartsClean()
    {
        var failed = JsonWriters.Rent(new ArrayBufferWriter<byte>());
        failed.WriteStartObject();
        failed.WritePropertyName("dangling");
        // Never returned: the body failed. The next rent on this thread must not see its state.
        var output = new ArrayBufferWriter<byte>();

        var writer = JsonWriters.Rent(output);
        writer.WriteNumberValue(7);
        JsonWriters.Return(writer);

        Assert.Equal("7", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
