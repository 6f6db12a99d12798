using MotCua.Web.Data;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// On SQLite, the field routes of one centre take turns to write. SQLite has one writer at a time anyway, and a
/// writer that finds the database busy is retried by Microsoft.Data.Sqlite only after a sleep (150 ms), so letting a
/// laptop's parallel uploads and its batch race each other would spend most of the time asleep. PostgreSQL locks rows,
/// not the database, and needs no turn-taking.
/// </summary>
internal static class FieldWriteGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<T> RunAsync<T>(MotCuaDb db, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.IsPostgres)
        {
            return await work();
        }

        await Gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static Task RunAsync(MotCuaDb db, Func<Task> work, CancellationToken ct) =>
        RunAsync(db, async () =>
        {
            await work();
            return true;
        }, ct);
}
