using Npgsql;
using Winnow.Cli.Batch;

namespace Winnow.Cli.Cluster;

/// <summary>
/// A task a worker holds: which input, and the attempt its lease belongs to. A chunk of HTML files has
/// <paramref name="Files"/>; its <paramref name="Input"/> names the chunk.
/// </summary>
public sealed record ClaimedTask(long Id, InputFile Input, int Attempt, IReadOnlyList<InputFile>? Files = null)
{
    /// <summary>The files the task reads, in order.</summary>
    public IReadOnlyList<InputFile> Inputs => Files ?? [Input];
}

/// <summary>One task to submit: its key (the file's full path, or a chunk's name), kind, size, and a chunk's files.</summary>
public sealed record TaskInput(string Key, InputKind Kind, long Size, IReadOnlyList<InputFile>? Files);

/// <summary>Counts by state, pages done, and the slowest finished tasks.</summary>
public sealed record ClusterStatus(IReadOnlyDictionary<string, long> ByState, long Pages, long Errors, double PagesPerSecond,
    IReadOnlyList<(long Id, string Input, double Seconds)> Slowest);

/// <summary>
/// The task table on PostgreSQL: one task per input file, claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease.
/// An expired lease makes the task claimable again with the next attempt number; a completion or renewal names its
/// attempt, so a worker that lost its lease can neither complete nor extend it; a task that fails (or whose lease
/// expires) <c>maxAttempts</c> times is parked with its error for a person to look at.
/// </summary>
public sealed class TaskQueue(NpgsqlDataSource db)
{
    /// <summary>Creates the schema, or brings an older one up to date; safe to run any number of times.</summary>
    public void Init()
    {
        using var cmd = db.CreateCommand("""
            CREATE TABLE IF NOT EXISTS winnow_task (
                id          bigserial PRIMARY KEY,
                input       text        NOT NULL UNIQUE,
                kind        text        NOT NULL,
                size        bigint      NOT NULL,
                state       text        NOT NULL DEFAULT 'queued',
                attempt     integer     NOT NULL DEFAULT 0,
                lease_owner text,
                lease_until timestamptz,
                error       text,
                pages       bigint,
                errors      bigint,
                submitted   timestamptz NOT NULL DEFAULT now(),
                started     timestamptz,
                finished    timestamptz
            );
            CREATE INDEX IF NOT EXISTS winnow_task_claimable ON winnow_task (state, id);
            ALTER TABLE winnow_task ADD COLUMN IF NOT EXISTS files text[];
            ALTER TABLE winnow_task ADD COLUMN IF NOT EXISTS sizes bigint[];
            """ + BandTable.Schema);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The tasks for a list of inputs, in their order: one per WARC file, and one per run of up to
    /// <paramref name="htmlPerTask"/> consecutive HTML files (a chunk named by its first and last file and its size).
    /// </summary>
    public static List<TaskInput> Plan(IEnumerable<InputFile> inputs, int htmlPerTask = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(htmlPerTask, 1);
        var tasks = new List<TaskInput>();
        var chunk = new List<InputFile>();
        void Flush()
        {
            if (chunk.Count == 0) return;
            tasks.Add(chunk.Count == 1 && htmlPerTask == 1
                ? new TaskInput(chunk[0].Path, InputKind.Html, chunk[0].Size, null)
                : new TaskInput($"{chunk[0].Path} .. {chunk[^1].Path} ({chunk.Count} file{(chunk.Count == 1 ? "" : "s")})", InputKind.Html, chunk.Sum(f => f.Size), chunk.ToList()));
            chunk.Clear();
        }
        foreach (var f in inputs)
        {
            var full = f with { Path = Path.GetFullPath(f.Path) };
            if (full.Kind != InputKind.Html)
            {
                Flush();
                tasks.Add(new TaskInput(full.Path, full.Kind, full.Size, null));
                continue;
            }
            chunk.Add(full);
            if (chunk.Count == htmlPerTask) Flush();
        }
        Flush();
        return tasks;
    }

    /// <summary>
    /// Enqueues the tasks of <see cref="Plan"/>; tasks already known (by key) add nothing. Returns how many were added.
    /// </summary>
    public int Submit(IEnumerable<InputFile> inputs, int htmlPerTask = 1) => Submit(Plan(inputs, htmlPerTask));

    /// <summary>Enqueues tasks; tasks already known (by key) add nothing. Returns how many were added.</summary>
    public int Submit(IReadOnlyList<TaskInput> tasks)
    {
        int added = 0;
        using var conn = db.OpenConnection();
        using var tx = conn.BeginTransaction();
        foreach (var t in tasks)
        {
            using var cmd = new NpgsqlCommand("INSERT INTO winnow_task (input, kind, size, files, sizes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (input) DO NOTHING", conn, tx);
            cmd.Parameters.AddWithValue(t.Key);
            cmd.Parameters.AddWithValue(t.Kind.ToString());
            cmd.Parameters.AddWithValue(t.Size);
            cmd.Parameters.AddWithValue(t.Files is null ? DBNull.Value : t.Files.Select(f => f.Path).ToArray());
            cmd.Parameters.AddWithValue(t.Files is null ? DBNull.Value : t.Files.Select(f => f.Size).ToArray());
            added += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return added;
    }

    /// <summary>Claims the oldest claimable task for <paramref name="owner"/> with a lease of <paramref name="lease"/>; null when none is left.</summary>
    public ClaimedTask? Claim(string owner, TimeSpan lease, int maxAttempts)
    {
        using var conn = db.OpenConnection();
        // leases that ran out on their last attempt: parked, with the reason
        using (var park = new NpgsqlCommand("""
            UPDATE winnow_task SET state = 'parked', lease_owner = NULL,
                   error = coalesce(error, 'the lease ran out ' || attempt || ' times (worker killed or stalled)')
            WHERE state = 'running' AND lease_until < now() AND attempt >= $1
            """, conn))
        {
            park.Parameters.AddWithValue(maxAttempts);
            park.ExecuteNonQuery();
        }
        using var cmd = new NpgsqlCommand("""
            UPDATE winnow_task t
            SET state = 'running', attempt = t.attempt + 1, lease_owner = $1, lease_until = now() + $2, started = now()
            WHERE t.id = (
                SELECT id FROM winnow_task
                WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND attempt < $3
                ORDER BY id
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING t.id, t.input, t.kind, t.size, t.attempt, t.files, t.sizes
            """, conn);
        cmd.Parameters.AddWithValue(owner);
        cmd.Parameters.AddWithValue(lease);
        cmd.Parameters.AddWithValue(maxAttempts);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var kind = Enum.Parse<InputKind>(r.GetString(2));
        List<InputFile>? files = null;
        if (!r.IsDBNull(5))
        {
            var paths = r.GetFieldValue<string[]>(5);
            var sizes = r.IsDBNull(6) ? new long[paths.Length] : r.GetFieldValue<long[]>(6);
            files = paths.Select((p, i) => new InputFile(p, kind, i < sizes.Length ? sizes[i] : 0)).ToList();
        }
        return new ClaimedTask(r.GetInt64(0), new InputFile(r.GetString(1), kind, r.GetInt64(3)), r.GetInt32(4), files);
    }

    /// <summary>Extends the lease; false when the task is no longer this attempt's (its lease ran out and another worker took it).</summary>
    public bool Renew(ClaimedTask task, TimeSpan lease) =>
        Execute("UPDATE winnow_task SET lease_until = now() + $3 WHERE id = $1 AND attempt = $2 AND state = 'running'",
            task.Id, task.Attempt, lease) == 1;

    /// <summary>
    /// Marks the task done with its counts and records its documents in the band index (<see cref="BandTable"/>), in
    /// one transaction; false (and nothing changed) when this attempt lost its lease.
    /// </summary>
    public bool Complete(ClaimedTask task, long pages, long errors, IReadOnlyList<TaskDocument>? documents = null)
    {
        using var conn = db.OpenConnection();
        using var tx = conn.BeginTransaction();
        // the row lock holds off a claim of the same task (its lease may just have run out) until this commits
        using (var check = new NpgsqlCommand("SELECT 1 FROM winnow_task WHERE id = $1 AND attempt = $2 AND state = 'running' FOR UPDATE", conn, tx))
        {
            check.Parameters.AddWithValue(task.Id);
            check.Parameters.AddWithValue(task.Attempt);
            if (check.ExecuteScalar() is null) return false;
        }
        if (documents is { Count: > 0 }) BandTable.Write(conn, task.Id, documents);
        using (var done = new NpgsqlCommand("""
            UPDATE winnow_task SET state = 'done', finished = now(), pages = $2, errors = $3, lease_owner = NULL, lease_until = NULL, error = NULL
            WHERE id = $1
            """, conn, tx))
        {
            done.Parameters.AddWithValue(task.Id);
            done.Parameters.AddWithValue(pages);
            done.Parameters.AddWithValue(errors);
            done.ExecuteNonQuery();
        }
        tx.Commit();
        return true;
    }

    /// <summary>Records a failed attempt: the task is queued again, or parked once it failed <paramref name="maxAttempts"/> times.</summary>
    public bool Fail(ClaimedTask task, string error, int maxAttempts) =>
        Execute("""
            UPDATE winnow_task SET state = CASE WHEN attempt >= $4 THEN 'parked' ELSE 'queued' END, error = $3, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, task.Id, task.Attempt, error, maxAttempts) == 1;

    /// <summary>Gives the task back unfinished (a graceful stop): queued again, the attempt not counted.</summary>
    public bool Release(ClaimedTask task) =>
        Execute("""
            UPDATE winnow_task SET state = 'queued', attempt = attempt - 1, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND attempt = $2 AND state = 'running'
            """, task.Id, task.Attempt) == 1;

    /// <summary>Whether any task is still queued or running (a running one may come back when its lease runs out).</summary>
    public bool AnyUnfinished()
    {
        using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM winnow_task WHERE state IN ('queued', 'running'))");
        return (bool)cmd.ExecuteScalar()!;
    }

    /// <summary>The state of the whole job.</summary>
    public ClusterStatus Status(int slowest = 5)
    {
        using var conn = db.OpenConnection();
        var byState = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["queued"] = 0, ["running"] = 0, ["done"] = 0, ["parked"] = 0 };
        using (var cmd = new NpgsqlCommand("SELECT state, count(*) FROM winnow_task GROUP BY state", conn))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) byState[r.GetString(0)] = r.GetInt64(1);
        long pages = 0, errors = 0;
        double seconds = 0;
        using (var cmd = new NpgsqlCommand("""
            SELECT coalesce(sum(pages), 0)::bigint, coalesce(sum(errors), 0)::bigint,
                   coalesce(extract(epoch FROM max(finished) - min(started)), 0)::float8
            FROM winnow_task WHERE state = 'done'
            """, conn))
        using (var r = cmd.ExecuteReader())
            if (r.Read()) { pages = r.GetInt64(0); errors = r.GetInt64(1); seconds = r.GetDouble(2); }
        var slow = new List<(long, string, double)>();
        using (var cmd = new NpgsqlCommand("""
            SELECT id, input, extract(epoch FROM finished - started)::float8 AS s FROM winnow_task
            WHERE state = 'done' ORDER BY s DESC, id LIMIT $1
            """, conn))
        {
            cmd.Parameters.AddWithValue(slowest);
            using var r = cmd.ExecuteReader();
            while (r.Read()) slow.Add((r.GetInt64(0), r.GetString(1), r.GetDouble(2)));
        }
        return new ClusterStatus(byState, pages, errors, seconds > 0 ? pages / seconds : 0, slow);
    }

    int Execute(string sql, params object[] args)
    {
        using var cmd = db.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return cmd.ExecuteNonQuery();
    }
}
