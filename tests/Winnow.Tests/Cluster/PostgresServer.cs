using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Winnow.Tests.Cluster;

/// <summary>
/// A throwaway PostgreSQL server for the cluster tests: WINNOW_TEST_DB when set, else Debian's PostgreSQL
/// (`.ci/run` installs it) initialised into a temporary folder, listening on 127.0.0.1 on a free port with
/// trust authentication, stopped and deleted at the end. As root, the server runs as the `postgres` user.
/// Each test gets a database of its own (<see cref="NewDatabase"/>).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    readonly string? _dir;
    readonly string? _bin;
    readonly bool _asPostgres;
    int _databases;

    public string AdminConnectionString { get; }

    public PostgresServer()
    {
        if (Environment.GetEnvironmentVariable("WINNOW_TEST_DB") is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and WINNOW_TEST_DB is not set; .ci/run installs Debian's postgresql.");
        _asPostgres = Environment.UserName == "root";
        _dir = Directory.CreateTempSubdirectory("winnow-pg-").FullName;
        if (_asPostgres) Run("chown", "postgres", _dir);
        int port = FreePort();
        var data = Path.Combine(_dir, "data");
        RunPg("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        RunPg("pg_ctl", "-D", data, "-l", Path.Combine(_dir, "log"), "-w", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_dir} -c fsync=off -c synchronous_commit=off", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public string NewDatabase()
    {
        var name = $"winnow_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            conn.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", conn);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public void Dispose()
    {
        if (_dir is null) return;
        try { RunPg("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    void RunPg(string tool, params string[] args)
    {
        var exe = Path.Combine(_bin!, tool);
        if (_asPostgres) Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    static void Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new InvalidOperationException($"{exe} did not finish in 60 s"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}

[CollectionDefinition(nameof(PostgresCollection))]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
