namespace MotCua.Web.Data.Audit;

/// <summary>
/// The actions of audit entries that are not a change of a record (changes are written as <c>{Type}.added</c>,
/// <c>.modified</c>, <c>.deleted</c> by <see cref="AuditCapture"/>). Administrators filter the trail by these names.
/// </summary>
public static class AuditActions
{
    /// <summary>A staff member saw personal data in full (a dossier's applicant, a complaint's submitter, a register page).</summary>
    public const string PersonalDataRead = "personal-data.read";

    /// <summary>Personal data left the centre for a field kit.</summary>
    public const string PersonalDataExport = "personal-data.export";

    /// <summary>A file was downloaded: a PDF form, a register, an Excel workbook, a CSV.</summary>
    public const string Export = "export";

    /// <summary>A scanned paper was downloaded.</summary>
    public const string AttachmentRead = "attachment.read";

    /// <summary>A citizen's rating was replaced (it moves Index 766; at most <c>DossierRating.MaxChanges</c> times).</summary>
    public const string RatingChanged = "rating.changed";

    /// <summary>A staff member searched dossiers by number, citizen ID or name (the term masked).</summary>
    public const string DossierSearch = "dossier.search";

    /// <summary>The receipt (form 01) was shown or printed: it carries the citizen's lookup secret.</summary>
    public const string ReceiptPrinted = "receipt.printed";

    public const string SignIn = "auth.signin";

    public const string SignInFailed = "auth.signin-failed";

    public const string LockedOut = "auth.locked-out";

    /// <summary>Failed sign-ins reached a throttle (per account name and address, or per address): that address waits.</summary>
    public const string SignInThrottled = "auth.throttled";

    /// <summary>An officer signed out: every session of the account ends (its security stamp changes).</summary>
    public const string SignOut = "auth.signout";

    /// <summary>A refresh token was used a second time: its whole family is revoked.</summary>
    public const string RefreshReuse = "auth.refresh-reuse";

    public const string DemoSeed = "demo.seed";

    public const string Anonymise = "privacy.anonymise";

    public const string AnonymiseDryRun = "privacy.anonymise-dry-run";

    public const string FieldEnrol = "field.enrol";

    public const string FieldKit = "field.kit";

    /// <summary>A team member's account (name, roles and the offline PIN verifier for that laptop only) was copied into a field kit.</summary>
    public const string FieldKitAccount = "field.kit.account";

    /// <summary>A team member set their own offline PIN for a laptop (the PIN itself is never written).</summary>
    public const string FieldPinSet = "field.pin.set";

    /// <summary>A leader issued a team member's offline PIN for a laptop.</summary>
    public const string FieldPinIssued = "field.pin.issued";

    public const string FieldPinRevoked = "field.pin.revoked";

    public const string FieldUpload = "field.upload";

    public const string FieldUploadsForgotten = "field.uploads-forgotten";

    public const string FieldSync = "field.sync";

    public const string FieldStatus = "field.status";

    /// <summary>On a field kit: enrolled with the centre.</summary>
    public const string FieldEnrolled = "field.enrolled";

    /// <summary>On a field kit: a kit was taken in.</summary>
    public const string FieldKitImported = "field.kit.imported";

    /// <summary>On a field kit: personal data of confirmed past days was removed.</summary>
    public const string FieldWipe = "field.wipe";
}
