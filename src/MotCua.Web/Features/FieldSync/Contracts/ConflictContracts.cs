using MotCua.Domain.Dossiers;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync;

public sealed record SyncConflictResponse(
    Guid Id,
    string Number,
    DossierAction Action,
    string? Reason,
    DateTimeOffset FieldAt,
    string FieldOfficer,
    string Device,
    int BaseVersion,
    int CentreVersionAtSync,
    DossierStatus CentreStatusAtSync,
    DossierStatus StatusNow,
    int VersionNow,
    IReadOnlyList<DossierAction> AllowedNow,
    DateTimeOffset CreatedAt,
    ConflictResolution? Resolution,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Note);

/// <param name="Resolution">applied (take the field's step now, if the dossier still allows it) or kept (the centre's version stands).</param>
public sealed record ResolveConflictRequest(ConflictResolution? Resolution, string? Note, int? Version);
