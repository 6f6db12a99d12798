using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>Enrolment as the laptop sees it: the centre's answer becomes the node's state.</summary>
public static class EnrolFieldNode
{
    public static async Task ExecuteAsync(string code, string name, FieldServerClient client, NodeRole node, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FieldNodeStates.AnyAsync(ct))
        {
            throw new DomainRuleException("field.enrolled", "This laptop is already enrolled.");
        }

        var enrolled = await client.EnrolAsync(code, name, ct);
        db.FieldNodeStates.Add(new FieldNodeState
        {
            Server = node.Centre?.ToString() ?? throw new InvalidOperationException("Only a field kit enrols."),
            DeviceId = enrolled.DeviceId,
            DeviceSecret = enrolled.Secret,
            DeviceName = name.Trim(),
            UnitId = enrolled.UnitId,
            UnitCode = enrolled.Unit,
            UnitName = enrolled.UnitName,
            TeamId = enrolled.TeamId,
            TeamName = enrolled.TeamName,
            EnrolledAt = enrolled.ServerTime,
        });
        db.Audit(AuditActions.FieldEnrolled, nameof(FieldNodeState), enrolled.DeviceId.ToString(), $"enrolled with {node.Centre} for {enrolled.Unit}");
        await db.SaveChangesAsync(ct);
    }
}
