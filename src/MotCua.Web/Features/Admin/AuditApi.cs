using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Admin;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string ActorId, string? ActorName, string? Ip, Guid? UnitId, string Action, string? EntityType, string? EntityKey, string? Changes, string? Details);

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int Total);

/// <summary>Administrators browse and filter the audit trail; there is no route that changes it.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        group.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The audit trail, newest first; filter by from/to (yyyy-MM-dd), actor, action (prefix), entity and key.");
        return group;
    }

    public sealed record Filter(DateOnly? From, DateOnly? To, string? Actor, string? Action, string? Entity, string? Key, int Page, int PageSize);

    public static async Task<AuditPage> QueryAsync(Filter f, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(db);
        var q = db.AuditEntries.AsNoTracking();
        if (f.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Domain.Calendar.WorkingCalendar.VietnamOffset);
            q = q.Where(a => a.At >= start);
        }

        if (f.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Domain.Calendar.WorkingCalendar.VietnamOffset);
            q = q.Where(a => a.At < end);
        }

        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            q = q.Where(a => a.ActorId == f.Actor || a.ActorName == f.Actor);
        }

        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            q = q.Where(a => a.Action.StartsWith(f.Action));
        }

        if (!string.IsNullOrWhiteSpace(f.Entity))
        {
            q = q.Where(a => a.EntityType == f.Entity);
        }

        if (!string.IsNullOrWhiteSpace(f.Key))
        {
            q = q.Where(a => a.EntityKey == f.Key || a.Details!.Contains(f.Key));
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorId, a.ActorName, a.Ip, a.UnitId, a.Action, a.EntityType, a.EntityKey, a.Changes, a.Details))
            .ToListAsync(ct);
        return new AuditPage([.. items.Select(i => i with { At = Domain.Calendar.WorkingCalendar.ToLocal(i.At) })], f.Page, f.PageSize, total);
    }

    private static async Task<IResult> ListAsync(string? from, string? to, string? actor, string? action, string? entity, string? key, int? page, int? pageSize, MotCuaDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        DateOnly? f = null, t = null;
        if (from is not null)
        {
            if (QueryValues.TryParseDate(from, out var d))
            {
                f = d;
            }
            else
            {
                errors.Add("from", "from is a date yyyy-MM-dd.");
            }
        }

        if (to is not null)
        {
            if (QueryValues.TryParseDate(to, out var d))
            {
                t = d;
            }
            else
            {
                errors.Add("to", "to is a date yyyy-MM-dd.");
            }
        }

        if (page is < 1 or > 1_000_000)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > 500)
        {
            errors.Add("pageSize", "pageSize is 1–500.");
        }

        foreach (var (name, value) in new[] { ("actor", actor), ("action", action), ("entity", entity), ("key", key) })
        {
            if (value?.Length > 128)
            {
                errors.Add(name, $"{name} is at most 128 characters.");
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        return TypedResults.Ok(await QueryAsync(new Filter(f, t, actor, action, entity, key, page ?? 1, pageSize ?? 100), db, ct));
    }
}
