namespace Streamis.Workflows.Host.Tests.Hostile;

/// <summary>The values a hostile caller puts where an id, a number, a name or an expression belongs.</summary>
internal static class HostileValues
{
    /// <summary>Route and query values: numbers out of range, ids that are not numbers, traversal, control characters.</summary>
    public static readonly string[] Scalars =
    [
        "-1", "0", "-9223372036854775808", "9223372036854775808", "99999999999999999999999999", "2147483648", "-2147483649",
        "1e309", "NaN", "Infinity", "0x10", "1.5", " 7 ", "abc", "", " ", "null", "true", "[]", "{}",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "%00", "a\0b", "\u202egnp.exe", "名字", "\ud83d\ude00",
        "' OR '1'='1", "\"; DROP TABLE jobs; --", "<script>alert(1)</script>", "{{ 7 * 7 }}", "${jndi:ldap://x/a}", "\r\nSet-Cookie: a=b",
    ];

    /// <summary>
    /// Scriban that loops forever, recurses, allocates without end, or reaches for .NET members and other files. The
    /// sandbox must stop each one with an error; none may hang a worker or reveal the host.
    /// </summary>
    public static readonly string[] Scriban =
    [
        "{{ while true; end }}",
        "{{ while true; x = 1; end }}",
        "{{ for i in 1..2000000000; end }}",
        "{{ for i in 1..100000; for j in 1..100000; end; end }}",
        "{{ func f; f; end; f }}",
        "{{ func f(x); ret f(x + 1); end; f 0 }}",
        "{{ s = 'x'; for i in 1..64; s = s + s; end; s }}",
        "{{ array.size (1..1000000000) }}",
        "{{ object.GetType }}",
        "{{ input.GetType().Assembly }}",
        "{{ ''.GetType().Assembly.Location }}",
        "{{ include '/etc/passwd' }}",
        "{{ include '../../appsettings.json' }}",
        "{{ import System }}",
        "{{ import '/etc/passwd' }}",
        "{{ object.typeof input }}",
        "{{ date.now | object.eval }}",
        "{{ 1 / 0 }}",
        "{{ 9223372036854775807 + 1 }}",
        "{{ input.who | string.pad_left 2000000000 }}",
        "{{ \"{{\" }}{{ input.who }}",
        "{{ if ",
        "{{ end }}",
        "{{ activities.say.input.message }}",
    ];

    /// <summary>Raw JSON values of the wrong type or shape for any field.</summary>
    public static readonly string[] JsonValues =
    [
        "null", "true", "false", "0", "-1", "-9223372036854775809", "9223372036854775808", "1e400", "-0.0", "3.75",
        "\"\"", "\" \"", "\"x\"", "\"-1\"", "\"abc\"", "[]", "{}", "[null]", "[{}]", "[[]]", "{\"a\":null}", "[1,\"a\",null,{}]",
        "\"\\u0000\"", "\"\\ud800\"", "\"../../etc/passwd\"", "\"\\r\\nX-Injected: 1\"", "\"2026-13-45T99:99:99Z\"",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A string of <paramref name="length"/> characters, mixing ASCII with multi-byte characters now and then.</summary>
    public static string Long(Random random, int length) => random.Next(4) == 0
        ? string.Concat(Enumerable.Repeat("ж名", length / 2 + 1))[..length]
        : new string((char)('a' + random.Next(26)), length);
}
