namespace Winnow.Evaluation.Json;

/// <summary>A JSON object as Python holds it: keys in insertion order, a repeated key keeps its first place and last value.</summary>
public sealed class PyDict : OrderedDictionary<string, object?>
{
    public PyDict() : base(StringComparer.Ordinal) { }

    /// <summary>Python's <c>d.get(key)</c>: the value, or null when absent.</summary>
    public object? Get(string key) => TryGetValue(key, out var value) ? value : null;
}
