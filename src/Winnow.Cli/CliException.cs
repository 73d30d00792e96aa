namespace Winnow.Cli;

/// <summary>An expected failure of a command: its message goes to stderr as is, its code becomes the exit code.</summary>
public sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
