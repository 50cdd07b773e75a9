namespace NomadWasm.Integration;

/// <summary>Marker for the scheduler-integration assembly (Consul and Vault clients live here).</summary>
public static class IntegrationAssembly
{
}
