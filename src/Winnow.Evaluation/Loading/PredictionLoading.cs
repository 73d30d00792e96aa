using Winnow.Evaluation.Json;

namespace Winnow.Evaluation.Loading;

/// <summary>score.py's <c>load_pred</c> and <c>pred_body</c>.</summary>
public static class PredictionLoading
{
    /// <summary>
    /// The prediction for a case: the first existing file of PRED/&lt;relative path&gt;, PRED/&lt;dataset&gt;/&lt;id&gt;.json,
    /// PRED/&lt;id&gt;.json. Returns the record (empty unless a JSON object) and whether one was read; an
    /// unreadable file gives (empty, false) and a warning.
    /// </summary>
    public static (PyDict Record, bool Found) Load(string predDir, GoldCase gold, ICollection<string> warnings)
    {
        string[] candidates =
        [
            Path.Combine(predDir, gold.RelativePath),
            Path.Combine(predDir, gold.Dataset, gold.Id + ".json"),
            Path.Combine(predDir, gold.Id + ".json"),
        ];
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            try
            {
                return (PyJsonReader.ReadFile(path) as PyDict ?? new PyDict(), true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PyJsonException)
            {
                warnings.Add($"warning: unreadable prediction {path}: {e.Message}");
                return (new PyDict(), false);
            }
        }
        return (new PyDict(), false);
    }

    /// <summary>The predicted body: "body", else "articleBody" when "body" is absent or null; "" unless a string.</summary>
    public static string Body(PyDict pred)
    {
        var b = pred.Get("body") ?? pred.Get("articleBody");
        return b as string ?? "";
    }
}
