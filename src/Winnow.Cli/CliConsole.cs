namespace Winnow.Cli;

/// <summary>The standard streams a command uses, so the CLI can run in-process (tests) as well as in a terminal.</summary>
/// <param name="Stdin">Standard input as raw bytes (a page read from <c>-</c> is bytes in any encoding).</param>
/// <param name="Out">Standard output (UTF-8 in a terminal).</param>
/// <param name="Error">Standard error: messages for the user.</param>
public sealed record CliConsole(Stream Stdin, TextWriter Out, TextWriter Error);
