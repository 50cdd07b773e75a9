using NomadWasm.Spin.Http;
using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Http;

public sealed class ModuleClassifierTests
{
    [Fact]
    public void Classify_HandWrittenSpinModule_IsSpinInboundHttp()
    {
        var info = WasmBinaryInfo.Read(File.ReadAllBytes(RepoPaths.Jobs("hello-spin-c", "hello.wasm")));

        Assert.Equal(ModuleKind.SpinInboundHttp, ModuleClassifier.Classify("hello", "hello.wasm", info, HttpExecutorKind.Http));
    }

    [Fact]
    public void Classify_WasiCommandWithWagiExecutor_IsWagiCommand()
    {
        var info = WasmBinaryInfo.Read(File.ReadAllBytes(RepoPaths.Jobs("hello-wagi-c", "hello.wasm")));

        Assert.Equal(ModuleKind.WagiCommand, ModuleClassifier.Classify("hello", "hello.wasm", info, HttpExecutorKind.Wagi));
    }

    [Fact]
    public void Classify_WasiCommandWithHttpExecutor_SuggestsWagi()
    {
        var info = WasmBinaryInfo.Read(File.ReadAllBytes(RepoPaths.Jobs("hello-wagi-c", "hello.wasm")));

        var e = Assert.Throws<UnsupportedModuleException>(() => ModuleClassifier.Classify("hello", "hello.wasm", info, HttpExecutorKind.Http));

        Assert.Contains("type = \"wagi\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("component `hello`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Component_IsRefusedNamingWhatItIs()
    {
        // A component header: magic, version 0x0d, layer 1 (component model binary format).
        byte[] component = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
        var info = WasmBinaryInfo.Read(component);

        var e = Assert.Throws<UnsupportedModuleException>(() => ModuleClassifier.Classify("web", "web.wasm", info, HttpExecutorKind.Http));

        Assert.True(info.IsComponent);
        Assert.Contains("WebAssembly component", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x000d", e.Message, StringComparison.Ordinal);
        Assert.Contains("handle-http-request", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SpinModuleWithWagiExecutor_NeedsStart()
    {
        var info = WasmBinaryInfo.Read(File.ReadAllBytes(RepoPaths.Jobs("hello-spin-c", "hello.wasm")));

        var e = Assert.Throws<UnsupportedModuleException>(() => ModuleClassifier.Classify("x", "hello.wasm", info, HttpExecutorKind.Wagi));

        Assert.Contains("_start", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x7f, 0x45, 0x4c, 0x46, 1, 0, 0, 0 })]
    public void Read_NotWasm_ThrowsFormatException(byte[] bytes) =>
        Assert.Throws<FormatException>(() => WasmBinaryInfo.Read(bytes));

    [Fact]
    public void Read_TruncatedSection_ThrowsFormatExceptionWithOffset()
    {
        byte[] bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x07, 0x20, 0x01];

        var e = Assert.Throws<FormatException>(() => WasmBinaryInfo.Read(bytes));

        Assert.Contains("offset", e.Message, StringComparison.Ordinal);
    }
}
