using System.Buffers.Binary;
using System.Text;
using NomadWasm.Spin.Http.InboundHttp;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Http.InboundHttp;

public sealed class InboundHttpAbiTests
{
    [Theory]
    [InlineData("GET", 0)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 2)]
    [InlineData("DELETE", 3)]
    [InlineData("PATCH", 4)]
    [InlineData("HEAD", 5)]
    [InlineData("OPTIONS", 6)]
    [InlineData("TRACE", -1)]
    [InlineData("CONNECT", -1)]
    public void MethodIndex_FollowsWitEnumOrder(string method, int expected) =>
        Assert.Equal(expected, InboundHttpAbi.MethodIndex(method));

    [Fact]
    public void LowerRequest_WritesTenFlatParametersAndBuffers()
    {
        var memory = new FakeGuestMemory();
        var args = new int[10];

        InboundHttpAbi.LowerRequest(memory, 1, "/foo?x=1", [new("host", "h"), new("spin-path-info", "/p")], "body"u8, args);

        Assert.Equal(1, args[0]);
        Assert.Equal("/foo?x=1", memory.String((uint)args[1], (uint)args[2]));
        Assert.Equal(2, args[4]);
        var second = (uint)args[3] + 16;
        Assert.Equal("spin-path-info", memory.String(memory.U32(second), memory.U32(second + 4)));
        Assert.Equal("/p", memory.String(memory.U32(second + 8), memory.U32(second + 12)));
        Assert.Equal(0, args[6]); // params: always empty
        Assert.Equal(1, args[7]); // body: always present
        Assert.Equal("body", memory.String((uint)args[8], (uint)args[9]));
        Assert.Contains(memory.Allocations, a => a.Address == (uint)args[3] && a.Size == 32 && a.Align == 4);
    }

    [Fact]
    public void LowerRequest_EmptyBody_IsPresentWithLengthZero()
    {
        var memory = new FakeGuestMemory();
        var args = new int[10];

        InboundHttpAbi.LowerRequest(memory, 0, "/", [], [], args);

        Assert.Equal(1, args[7]);
        Assert.Equal(0, args[9]);
        Assert.Equal(0, args[4]);
    }

    [Fact]
    public void LiftResponse_ReadsRecordAndFreesEveryBuffer()
    {
        var memory = new FakeGuestMemory();
        var name = memory.Put("content-type");
        var value = memory.Put("text/plain");
        var list = memory.Allocate(16, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(memory.Slice(list, 4), name);
        BinaryPrimitives.WriteUInt32LittleEndian(memory.Slice(list + 4, 4), 12);
        BinaryPrimitives.WriteUInt32LittleEndian(memory.Slice(list + 8, 4), value);
        BinaryPrimitives.WriteUInt32LittleEndian(memory.Slice(list + 12, 4), 10);
        var body = memory.Put("hi!");
        var record = memory.Allocate(28, 4);
        var r = memory.Slice(record, 28);
        BinaryPrimitives.WriteUInt16LittleEndian(r, 201);
        r[4] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(r[8..], list);
        BinaryPrimitives.WriteUInt32LittleEndian(r[12..], 1);
        r[16] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(r[20..], body);
        BinaryPrimitives.WriteUInt32LittleEndian(r[24..], 3);

        var response = InboundHttpAbi.LiftResponse(memory, record);

        Assert.Equal(201, response.Status);
        Assert.Equal([new KeyValuePair<string, string>("content-type", "text/plain")], response.Headers);
        Assert.Equal("hi!", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(
            [(name, 12u, 1u), (value, 10u, 1u), (list, 16u, 4u), (body, 3u, 1u)],
            memory.Frees);
    }

    [Fact]
    public void LiftResponse_NoHeadersNoBody_FreesNothing()
    {
        var memory = new FakeGuestMemory();
        var record = memory.Allocate(28, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(memory.Slice(record, 2), 204);

        var response = InboundHttpAbi.LiftResponse(memory, record);

        Assert.Equal(204, response.Status);
        Assert.Empty(response.Headers);
        Assert.True(response.Body.IsEmpty);
        Assert.Empty(memory.Frees);
    }
}
