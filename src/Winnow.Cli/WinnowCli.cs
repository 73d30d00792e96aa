using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Winnow.Cli.Commands;

namespace Winnow.Cli;

/// <summary>
/// The <c>winnow</c> command line, runnable in-process: <see cref="Program"/> passes the real
/// standard streams, tests pass memory streams and string writers.
/// </summary>
public static class WinnowCli
{
    /// <summary>Builds the root command with its subcommands.</summary>
    public static RootCommand CreateRootCommand(CliConsole console) => new("Winnow: turns raw web pages into clean article records.")
    {
        ExtractCommand.Create(console),
        EvalCommand.Create(),
        BenchCommand.Create(console),
        BatchCommand.Create(console),
        DedupCommand.Create(console),
        ServeCommand.Create(console),
        ClusterCommand.Create(console),
        ClusterCommand.CreateWorker(console),
    };

    /// <summary>Runs the command line and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, Stream? stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public static async Task<int> RunAsync(string[] args, Stream? stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdin ?? Stream.Null, stdout, stderr);
        var root = CreateRootCommand(console);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };

        // A bad command line exits with 2 (System.CommandLine would use 1) and a short message, no help dump.
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"winnow: {error.Message}");
            var command = parse.CommandResult.Command;
            var path = command is RootCommand ? "winnow" : $"winnow {command.Name}";
            stderr.WriteLine($"Run '{path} --help' for usage.");
            stderr.Flush();
            return ExitCodes.Usage;
        }
        try
        {
            if (parse.Action is HelpAction) return ShowHelp(parse, stdout);
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    // The root command's name is the assembly's ("Winnow.Cli", see the project file) and System.CommandLine
    // 2.0 cannot rename it, so the help's usage lines are rewritten to the command users type: "winnow".
    static int ShowHelp(ParseResult parse, TextWriter stdout)
    {
        var help = new StringWriter();
        var code = parse.Invoke(new InvocationConfiguration { Output = help, Error = help });
        var exe = RootCommand.ExecutableName;
        foreach (var line in help.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            var body = line.TrimStart();
            var indent = line[..(line.Length - body.Length)];
            stdout.Write(body == exe || body.StartsWith(exe + " ", StringComparison.Ordinal) ? indent + "winnow" + body[exe.Length..] : line);
            stdout.Write('\n');
        }
        return code;
    }

    /// <summary>
    /// Runs a command's body and turns its expected failures into a one-line message on stderr and
    /// their exit code; anything else is a bug and is left to System.CommandLine's handler (exit 1, stack trace).
    /// </summary>
    public static async Task<int> Guard(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (ExitCodeOf(e) is int code)
        {
            console.Error.WriteLine($"winnow: {e.Message}");
            console.Error.Flush();
            return code;
        }
    }

    /// <summary>The exit code of an expected failure, or null for an unexpected one.</summary>
    public static int? ExitCodeOf(Exception e) => e switch
    {
        CliException c => c.ExitCode,
        NotHtmlException => ExitCodes.NotHtml,
        PageTooLargeException => ExitCodes.TooLarge,
        ExtractionTimeoutException => ExitCodes.Timeout,
        _ => null,
    };
}
