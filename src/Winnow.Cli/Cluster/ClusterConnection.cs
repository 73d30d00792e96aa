using Npgsql;

namespace Winnow.Cli.Cluster;

/// <summary>
/// The cluster's PostgreSQL connection: from <c>--db</c> or the <c>WINNOW_DB</c> environment variable, shown
/// only with its password masked, opened as a small pool (a worker needs one connection for its work and one
/// for renewing its lease).
/// </summary>
public static class ClusterConnection
{
    public const string EnvironmentVariable = "WINNOW_DB";

    // 4: a worker's two connections (work, lease renewal) and headroom for `cluster status` in the same process
    const int MaxPoolSize = 4;

    /// <summary>The connection string from the option, else the environment; a usage error when neither is set.</summary>
    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : throw new CliException(ExitCodes.Usage, $"No database: give --db CONNSTRING or set {EnvironmentVariable}.");

    /// <summary>The connection string with its password replaced by ***, for messages and logs.</summary>
    public static string Redacted(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(b.Password)) b.Password = "***";
            return b.ToString();
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    /// <summary>A pooled data source; a malformed string is a usage error.</summary>
    public static NpgsqlDataSource Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder b;
        try { b = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new CliException(ExitCodes.Usage, $"The connection string is not valid: {e.Message}"); }
        b.MaxPoolSize = Math.Min(b.MaxPoolSize, MaxPoolSize);
        return NpgsqlDataSource.Create(b);
    }

    /// <summary>Runs a database step; an unreachable or failing server becomes one clear error line, never the password.</summary>
    public static T Guard<T>(string connectionString, Func<T> step)
    {
        try { return step(); }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new CliException(ExitCodes.Database, $"The database at {Redacted(connectionString)} cannot be used: {e.Message}");
        }
    }
}
