using NomadWasm.Plugin.Protos.HclSpec;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// The checks Nomad's hclspecutils/dec.go applies when converting a spec (§7.2): a oneof member
/// set, names present (implied or explicit; explicit inside Default), non-empty types, both
/// Default children set, Block nested present, BlockMap labels.
/// </summary>
internal static class SchemaRules
{
    public static void AssertConvertible(Spec spec) => Check(spec, impliedName: null, path: "root");

    private static void Check(Spec spec, string? impliedName, string path)
    {
        switch (spec.BlockCase)
        {
            case Spec.BlockOneofCase.Object:
                foreach (var (name, child) in spec.Object.Attributes)
                {
                    Check(child, name, $"{path}.{name}");
                }

                break;
            case Spec.BlockOneofCase.Attr:
                Assert.False(string.IsNullOrEmpty(spec.Attr.Name) && string.IsNullOrEmpty(impliedName), $"{path}: attr has no name");
                Assert.False(string.IsNullOrEmpty(spec.Attr.Type), $"{path}: attr has no type");
                break;
            case Spec.BlockOneofCase.Default:
                Assert.NotNull(spec.Default.Primary);
                Assert.NotNull(spec.Default.Default_);
                Check(spec.Default.Primary, null, path + ".primary");
                Check(spec.Default.Default_, null, path + ".default");
                break;
            case Spec.BlockOneofCase.Literal:
                Assert.False(string.IsNullOrEmpty(spec.Literal.Value), $"{path}: empty literal");
                break;
            case Spec.BlockOneofCase.BlockValue:
                Assert.NotNull(spec.BlockValue.Nested);
                Check(spec.BlockValue.Nested, null, path);
                break;
            case Spec.BlockOneofCase.BlockMap:
                Assert.NotEmpty(spec.BlockMap.Labels);
                break;
            case Spec.BlockOneofCase.None:
                Assert.Fail($"{path}: Invalid spec block (no member set)");
                break;
            default:
                break;
        }
    }
}
