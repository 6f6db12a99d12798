namespace MotCua.Web.Data.Audit;

/// <summary>
/// Marks an entity whose rows <see cref="AuditCapture"/> does not write to the audit trail: bookkeeping that is audited
/// as what it stands for (a synced field item as the dossier it made, a device call as one entry) or that holds bytes
/// and counters rather than facts (scan contents, the dossier number counter).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
