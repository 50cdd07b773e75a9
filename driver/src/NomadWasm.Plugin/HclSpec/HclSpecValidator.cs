using NomadWasm.Plugin.Protos.HclSpec;

namespace NomadWasm.Plugin.HclSpec;

/// <summary>
/// The checks Nomad makes when it converts a <c>hclspec.Spec</c> to hcldec (spec §7.2, N: hclspecutils/dec.go), run
/// ahead of time so a bad schema fails a unit test instead of the Nomad agent's start. Objects pass their keys down as
/// implied names; arrays and defaults pass none.
/// </summary>
public static class HclSpecValidator
{
    /// <summary>Every problem found, each prefixed with its path (<c>root.args</c>); empty when the spec converts.</summary>
    public static IReadOnlyList<string> Validate(Spec? spec)
    {
        var problems = new List<string>();
        if (spec is null)
        {
            problems.Add("root: nil spec given");
            return problems;
        }

        Check(spec, "root", impliedName: string.Empty, problems);
        return problems;
    }

    private static void Check(Spec? spec, string path, string impliedName, List<string> problems)
    {
        if (spec is null)
        {
            problems.Add($"{path}: missing spec (a nil child crashes the Nomad agent)");
            return;
        }

        switch (spec.BlockCase)
        {
            case Spec.BlockOneofCase.Object:
                foreach (var (key, child) in spec.Object.Attributes)
                {
                    Check(child, $"{path}.{key}", key, problems);
                }

                break;
            case Spec.BlockOneofCase.Array:
                for (var i = 0; i < spec.Array.Values.Count; i++)
                {
                    Check(spec.Array.Values[i], $"{path}[{i}]", string.Empty, problems);
                }

                break;
            case Spec.BlockOneofCase.Attr:
                CheckName(spec.Attr.Name, impliedName, "attribute", path, problems);
                CheckType(spec.Attr.Type, path, problems);
                break;
            case Spec.BlockOneofCase.BlockValue:
                CheckName(spec.BlockValue.Name, impliedName, "block", path, problems);
                CheckNested(spec.BlockValue.Nested, path, problems);
                break;
            case Spec.BlockOneofCase.BlockAttrs:
                CheckName(spec.BlockAttrs.Name, impliedName, "block_attrs", path, problems);
                CheckType(spec.BlockAttrs.Type, path, problems);
                break;
            case Spec.BlockOneofCase.BlockList:
                CheckName(spec.BlockList.Name, impliedName, "block_list", path, problems);
                CheckNested(spec.BlockList.Nested, path, problems);
                break;
            case Spec.BlockOneofCase.BlockSet:
                CheckName(spec.BlockSet.Name, impliedName, "block_set", path, problems);
                CheckNested(spec.BlockSet.Nested, path, problems);
                break;
            case Spec.BlockOneofCase.BlockMap:
                CheckName(spec.BlockMap.Name, impliedName, "block_map", path, problems);
                if (spec.BlockMap.Labels.Count == 0)
                {
                    problems.Add($"{path}: block_map needs at least one label");
                }

                CheckNested(spec.BlockMap.Nested, path, problems);
                break;
            case Spec.BlockOneofCase.Default:
                Check(spec.Default.Primary, path + ".primary", string.Empty, problems);
                Check(spec.Default.Default_, path + ".default", string.Empty, problems);
                break;
            case Spec.BlockOneofCase.Literal:
                if (string.IsNullOrWhiteSpace(spec.Literal.Value))
                {
                    problems.Add($"{path}: literal needs an HCL expression");
                }

                break;
            default:
                problems.Add($"{path}: Invalid spec block (no member of the oneof is set)");
                break;
        }
    }

    private static void CheckName(string name, string impliedName, string what, string path, List<string> problems)
    {
        if (name.Length == 0 && impliedName.Length == 0)
        {
            problems.Add($"{path}: {what} has no name and none is implied (inside a default or array the name must be explicit)");
        }
    }

    private static void CheckType(string type, string path, List<string> problems)
    {
        if (HclTypeExpression.Validate(type) is { } problem)
        {
            problems.Add($"{path}: invalid type '{type}': {problem}");
        }
    }

    private static void CheckNested(Spec? nested, string path, List<string> problems)
    {
        if (nested is null)
        {
            problems.Add($"{path}: Missing spec block (nested is required)");
            return;
        }

        Check(nested, path + ".nested", string.Empty, problems);
    }
}
