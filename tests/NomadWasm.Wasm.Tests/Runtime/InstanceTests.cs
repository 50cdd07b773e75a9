using NomadWasm.Wasm.Runtime;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

public sealed class InstanceTests
{
    [Fact]
    public void Invoke_AddExport_ReturnsSum()
    {
        var instance = Instantiate("""
            (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
            """);
        Assert.Equal(5, instance.CallI32("add", I32(2), I32(3)));
    }

    [Fact]
    public void Invoke_RecursiveFactorial_ReturnsProduct()
    {
        var instance = Instantiate("""
            (module
              (func $fac (export "fac") (param i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))
            """);
        Assert.Equal(2432902008176640000L, instance.CallI64("fac", I64(20)));
    }
}
