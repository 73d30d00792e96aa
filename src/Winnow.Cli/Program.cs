using System.Text;
using Winnow.Cli;

// UTF-8 on stdout and stderr whatever the terminal's code page, without a byte-order mark.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
using var stdin = Console.OpenStandardInput();
return await WinnowCli.RunAsync(args, stdin, stdout, stderr);
