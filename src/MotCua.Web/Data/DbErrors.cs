using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MotCua.Web.Data;

public static class DbErrors
{
    /// <summary>True when a save failed on a unique index (SQLite constraint error, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.InnerException switch
        {
            SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        };
    }
}
