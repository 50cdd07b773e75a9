namespace NomadWasm.Integration.Tests;

public sealed class AssemblyLoadsTests
{
    [Fact]
    public void TestAssembly_Loads() => Assert.NotNull(typeof(AssemblyLoadsTests).Assembly);
}
