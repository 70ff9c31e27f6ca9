namespace Streamis.Workflows.Sdk.Descriptors;

/// <summary>The value types definitions and descriptors speak of.</summary>
public static class ValueTypeNames
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string TimeSpan = "timespan";
    public const string DateTime = "datetime";
    public const string Array = "array";
    public const string Object = "object";
    public const string Any = "any";

    public static readonly IReadOnlyList<string> All = [String, Integer, Number, Boolean, TimeSpan, DateTime, Array, Object, Any];

    public static string Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return String;
        if (type == typeof(bool)) return Boolean;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)) return Integer;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return Number;
        if (type == typeof(System.TimeSpan)) return TimeSpan;
        if (type == typeof(DateTimeOffset) || type == typeof(System.DateTime)) return DateTime;
        if (type == typeof(object) || type.FullName?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true) return Any;
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            && !typeof(System.Collections.IDictionary).IsAssignableFrom(type)
            && !IsGenericDictionary(type)) return Array;
        return Object;
    }

    private static bool IsGenericDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
}
