using System.Globalization;
using System.Text;
using NomadWasm.Plugin.Protos.HclSpec;
using SpecArray = NomadWasm.Plugin.Protos.HclSpec.Array;
using SpecObject = NomadWasm.Plugin.Protos.HclSpec.Object;

namespace NomadWasm.Plugin.HclSpec;

/// <summary>
/// Builds <c>hclspec.Spec</c> messages for <c>ConfigSchema</c> / <c>TaskConfigSchema</c> (spec §7), like Go drivers'
/// <c>hclspec.NewObject/NewAttr/NewDefault/NewLiteral</c>. Each helper checks what Nomad would otherwise reject when
/// it converts the spec (a failure that stops the agent from starting, spec §2.4).
/// </summary>
/// <example>
/// <code>
/// var spec = HclSpecBuilder.Object(
///     ("component", HclSpecBuilder.Attr("component", "string", required: true)),
///     ("listen", HclSpecBuilder.Default(HclSpecBuilder.Attr("listen", "string"), HclSpecBuilder.LiteralString("127.0.0.1:3000"))),
///     ("env", HclSpecBuilder.Attr("env", "map(string)")));
/// </code>
/// </example>
public static class HclSpecBuilder
{
    /// <summary>An object; each key is an output attribute and the child's implied name. Use it as the root.</summary>
    public static Spec Object(params (string Name, Spec Spec)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var result = new SpecObject();
        foreach (var (name, spec) in attributes)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(spec);
            if (!result.Attributes.TryAdd(name, spec))
            {
                throw new ArgumentException($"hclspec object attribute '{name}' is defined twice.", nameof(attributes));
            }
        }

        return new Spec { Object = result };
    }

    /// <summary>A tuple of specs (hcldec.TupleSpec); children get no implied name.</summary>
    public static Spec Array(params Spec[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new SpecArray();
        result.Values.AddRange(values);
        return new Spec { Array = result };
    }

    /// <summary>An attribute of HCL type <paramref name="type"/> (e.g. <c>string</c>, <c>list(number)</c>); absent gives null.</summary>
    public static Spec Attr(string name, string type, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfBadType(type, $"hclspec attribute '{name}'");
        return new Spec { Attr = new Attr { Name = name, Type = type, Required = required } };
    }

    /// <summary>Zero or one block (exactly one when <paramref name="required"/>); absent gives null.</summary>
    public static Spec Block(string name, Spec nested, bool required = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(nested);
        return new Spec { BlockValue = new Block { Name = name, Required = required, Nested = nested } };
    }

    /// <summary>A block whose attributes form a map of <paramref name="elementType"/>; absent gives a null map.</summary>
    public static Spec BlockAttrs(string name, string elementType, bool required = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfBadType(elementType, $"hclspec block_attrs '{name}'");
        return new Spec { BlockAttrs = new BlockAttrs { Name = name, Type = elementType, Required = required } };
    }

    /// <summary>Repeated blocks as a list; absent gives an empty list. 0 means no limit.</summary>
    public static Spec BlockList(string name, Spec nested, ulong minItems = 0, ulong maxItems = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(nested);
        ThrowIfBadRange(name, minItems, maxItems);
        return new Spec { BlockList = new BlockList { Name = name, Nested = nested, MinItems = minItems, MaxItems = maxItems } };
    }

    /// <summary>Repeated blocks as a set; absent gives an empty set. 0 means no limit.</summary>
    public static Spec BlockSet(string name, Spec nested, ulong minItems = 0, ulong maxItems = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(nested);
        ThrowIfBadRange(name, minItems, maxItems);
        return new Spec { BlockSet = new BlockSet { Name = name, Nested = nested, MinItems = minItems, MaxItems = maxItems } };
    }

    /// <summary>Labelled blocks as a map keyed by the labels (at least one label).</summary>
    public static Spec BlockMap(string name, IEnumerable<string> labels, Spec nested)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(nested);
        var result = new BlockMap { Name = name, Nested = nested };
        result.Labels.AddRange(labels);
        if (result.Labels.Count == 0)
        {
            throw new ArgumentException($"hclspec block_map '{name}' needs at least one label.", nameof(labels));
        }

        return new Spec { BlockMap = result };
    }

    /// <summary>
    /// <paramref name="primary"/>, or <paramref name="fallback"/> when the primary is null. Children get no implied name, so
    /// an <see cref="Attr"/> primary must carry its own name (spec §7.2).
    /// </summary>
    public static Spec Default(Spec primary, Spec fallback)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallback);
        if (primary.BlockCase == Spec.BlockOneofCase.Attr && primary.Attr.Name.Length == 0)
        {
            throw new ArgumentException("hclspec default: the primary attribute needs an explicit name (no implied name inside a default).", nameof(primary));
        }

        return new Spec { Default = new Default { Primary = primary, Default_ = fallback } };
    }

    /// <summary>An attribute with a default: <c>Default(Attr(name, type), Literal(hclExpression))</c>.</summary>
    public static Spec AttrWithDefault(string name, string type, string hclExpression) =>
        Default(Attr(name, type), Literal(hclExpression));

    /// <summary>A constant, given as HCL expression source (<c>"\"bash\""</c>, <c>true</c>, <c>5</c>, <c>["a"]</c>, <c>{}</c>).</summary>
    public static Spec Literal(string hclExpression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hclExpression);
        return new Spec { Literal = new Literal { Value = hclExpression } };
    }

    /// <summary>A string constant, quoted and escaped as an HCL string literal.</summary>
    public static Spec LiteralString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Literal(QuoteHcl(value));
    }

    /// <summary>A bool constant.</summary>
    public static Spec LiteralBool(bool value) => Literal(value ? "true" : "false");

    /// <summary>A number constant.</summary>
    public static Spec LiteralNumber(long value) => Literal(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Quotes <paramref name="value"/> as an HCL string: escapes <c>\ " \n \r \t</c>, and <c>${</c> / <c>%{</c> template starts.</summary>
    internal static string QuoteHcl(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{': builder.Append(c).Append(c); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static void ThrowIfBadType(string type, string what)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (HclTypeExpression.Validate(type) is { } problem)
        {
            throw new ArgumentException($"{what}: invalid type '{type}': {problem}.", nameof(type));
        }
    }

    private static void ThrowIfBadRange(string name, ulong minItems, ulong maxItems)
    {
        if (maxItems != 0 && minItems > maxItems)
        {
            throw new ArgumentException($"hclspec block '{name}': min_items {minItems} is above max_items {maxItems}.", nameof(minItems));
        }
    }
}
