using System.Text.Json;

namespace Winnow.Tests.Evaluation;

/// <summary>Compares two JSON documents value by value: same keys in the same order, integers equal, other numbers within a tolerance.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual, double tolerance = 1e-9)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Compare(e.RootElement, a.RootElement, "$", tolerance);
    }

    static void Compare(JsonElement e, JsonElement a, string path, double tolerance)
    {
        Assert.True(e.ValueKind == a.ValueKind, $"{path}: expected {e.ValueKind}, got {a.ValueKind}");
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var ek = e.EnumerateObject().Select(p => p.Name).ToList();
                var ak = a.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(ek.SequenceEqual(ak), $"{path}: keys [{string.Join(", ", ek)}] != [{string.Join(", ", ak)}]");
                foreach (var name in ek) Compare(e.GetProperty(name), a.GetProperty(name), $"{path}.{name}", tolerance);
                break;
            case JsonValueKind.Array:
                Assert.True(e.GetArrayLength() == a.GetArrayLength(), $"{path}: {e.GetArrayLength()} items, got {a.GetArrayLength()}");
                for (int i = 0; i < e.GetArrayLength(); i++) Compare(e[i], a[i], $"{path}[{i}]", tolerance);
                break;
            case JsonValueKind.Number:
                string er = e.GetRawText(), ar = a.GetRawText();
                bool eInt = er.IndexOfAny(['.', 'e', 'E']) < 0, aInt = ar.IndexOfAny(['.', 'e', 'E']) < 0;
                Assert.True(eInt == aInt, $"{path}: {er} and {ar} differ in type (count vs rate)");
                if (eInt) Assert.True(er == ar, $"{path}: count {er}, got {ar}");
                else Assert.True(Math.Abs(e.GetDouble() - a.GetDouble()) <= tolerance, $"{path}: {er}, got {ar}");
                break;
            case JsonValueKind.String:
                Assert.True(e.GetString() == a.GetString(), $"{path}: \"{e.GetString()}\", got \"{a.GetString()}\"");
                break;
        }
    }
}
