using System.CommandLine;

namespace Winnow.Cli.Commands;

/// <summary><c>winnow eval CORPUS_DIR --predictions OUT_DIR</c>. (Placeholder: being written.)</summary>
public static class EvalCommand
{
    public static Command Create() => new("eval", "Run the extractor over a corpus and score it as score.py does.");
}
