using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Intake;

/// <summary>Counter intake in a few keystrokes: procedure, papers, applicant, channel, scans, confirm → receipt.</summary>
[Authorize(Policy = Policies.ReceiveDossiers)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t, IntakeNumbering numbering, NodeRole node) : PageModel
{
    public const long MaxUpload = 40 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Scans { get; set; } = [];

    public IReadOnlyList<ProcedureOption> Procedures { get; private set; } = [];

    public ProcedureOption? Chosen { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Hamlets { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Found { get; private set; }

    /// <param name="SearchText">Every language's name and the code, so an officer can type the Vietnamese name in any interface language.</param>
    public sealed record ProcedureOption(string Code, string Name, string Field, ProcedureRules Rules, DateOnly EffectiveFrom, string SearchText);

    public sealed class IntakeForm
    {
        public Guid ClientId { get; set; }

        public string? CitizenId { get; set; }

        public string? FullName { get; set; }

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public Guid? HamletId { get; set; }

        public Channel Channel { get; set; } = Channel.Counter;

        public string? ReceivedAt { get; set; }

        public bool NeedsVerification { get; set; }

        public bool Consent { get; set; }

        public List<string> Papers { get; set; } = [];

        public Guid? OutreachSessionId { get; set; }

        public List<PriorityGroup> PriorityGroups { get; set; } = [];
    }

    /// <summary>Outreach sessions of the last few days (IntakeRules.MaxBackdateDays) and today, for dossiers received in a hamlet.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ClientId = Guid.NewGuid();
        Input.Channel = node.IsFieldKit || (User.IsInRole(Roles.FieldAgent) && !User.IsInRole(Roles.CounterOfficer)) ? Channel.Outreach : Channel.Counter;
        if (Chosen is { } chosen && !Channels.Contains(Input.Channel))
        {
            Input.Channel = Channels.FirstOrDefault(Channel.Outreach);
        }
    }

    /// <summary>Finds a returning applicant by citizen ID and fills in their details (a read of personal data: audited).</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        if (!CitizenId.TryParse(Input.CitizenId, out var id))
        {
            Errors["applicant.citizenId"] = t["Problem.applicant.citizen-id-invalid"];
            return Page();
        }

        CitizenId? cid = id;
        var previous = await db.Dossiers.AsNoTracking().Where(d => d.Applicant.CitizenId == cid)
            .OrderByDescending(d => d.RegisteredAt).Select(d => new { d.Id, d.Applicant }).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            Found = t["Intake.NotFound"];
            return Page();
        }

        Input.FullName = previous.Applicant.FullName;
        Input.Phone = previous.Applicant.Phone?.Value;
        Input.Address = previous.Applicant.Address;
        Input.HamletId = previous.Applicant.HamletId;
        Found = t["Intake.Found"];
        db.Audit(AuditActions.PersonalDataRead, nameof(Dossier), previous.Id.ToString(), "intake: returning applicant");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chosen is null)
        {
            Errors["procedure"] = t["Problem.dossier.procedure-required"];
            return Page();
        }

        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        if (!Enum.IsDefined(Input.Channel))
        {
            errors.Add("channel", "Choose where it is received.", "dossier.channel-required");
        }
        else if (!ReceiveDossier.Accepts(numbering, Input.Channel))
        {
            errors.Add("channel", "A field kit receives outreach and home-visit dossiers only.", "field.channel");
        }
        else if (!IntakeRules.MayUse(User, Input.Channel, numbering, api: false))
        {
            errors.Add("channel", "Your role receives dossiers in outreach sessions and home visits only.", "dossier.channel-not-permitted");
        }

        DateTimeOffset? recordedAt = null;
        if (Input.Channel.AllowsFieldTimestamp() && !string.IsNullOrWhiteSpace(Input.ReceivedAt))
        {
            if (DateTime.TryParseExact(Input.ReceivedAt, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                recordedAt = new DateTimeOffset(local, WorkingCalendar.VietnamOffset);
            }
            else
            {
                errors.Add("receivedAt", "The time handed in is not valid.", "dossier.received-at-invalid");
            }
        }

        var applicant = ReceiveDossier.ReadApplicant(Input.CitizenId, Input.FullName, Input.Phone, Input.Address, Input.HamletId, Input.Consent, now, errors);
        ReceiveDossier.CheckPapers(Input.Papers, errors);
        var groups = ReceiveDossier.ReadPriorityGroups(Input.PriorityGroups, errors);
        var unit = User.UnitCodeOf();
        if (string.IsNullOrWhiteSpace(unit))
        {
            errors.Add("unit", "The receiving unit is not known: the account must belong to a commune.");
        }

        foreach (var (field, code, message) in errors.Entries)
        {
            Errors.TryAdd(field, t.Explain(code, message));
        }

        if (applicant is null || Errors.Count > 0)
        {
            return Page();
        }

        var input = new ReceiveDossier.Input(Input.ClientId, unit!, Chosen.Code, applicant, Input.Channel, recordedAt, Input.NeedsVerification, Actor.Of(HttpContext),
            Input.Papers, null, Input.Channel == Channel.Outreach ? Input.OutreachSessionId : null, groups);

        var scans = new List<ReceiveDossier.Scan>();
        foreach (var file in Scans.Where(f => f.Length > 0))
        {
            if (file.Length > Attachment.MaxBytes)
            {
                Errors["scans"] = string.Format(CultureInfo.CurrentCulture, t["Intake.Error.ScanSize"], file.FileName);
                return Page();
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            scans.Add(new ReceiveDossier.Scan(file.FileName, buffer.ToArray()));
        }

        try
        {
            var outcome = await ReceiveDossier.ExecuteAsync(input with { Scans = scans }, db, time, numbering, ct);
            TempData["Notice"] = outcome.Created ? string.Format(CultureInfo.CurrentCulture, t["Intake.Received"], outcome.Dossier.Number) : t["Intake.AlreadyReceived"];
            return Redirect($"/dossiers/{outcome.Dossier.Number}/forms/receipt");
        }
        catch (DomainRuleException ex)
        {
            Errors[ex.Code.StartsWith("scan.", StringComparison.Ordinal) ? "scans" : "form"] = t.Explain(ex);
            return Page();
        }
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The channels an officer may choose here: never online; on a field kit only those <see cref="ReceiveDossier.Accepts"/> takes there.</summary>
    public IReadOnlyList<Channel> Channels => Chosen is null ? [] : [.. Chosen.Rules.Channels.Where(c => IntakeRules.MayUse(User, c, numbering, api: false))];

    /// <summary>True on a team laptop (field mode): numbers come from the kit's blocks and the dossier waits in the outbox.</summary>
    public bool FieldKit => node.IsFieldKit;

    private async Task LoadAsync(CancellationToken ct)
    {
        var culture = Localization.Culture();
        var today = WorkingCalendar.LocalDate(time.GetUtcNow());
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        Procedures = [.. procedures
            .Select(p => (p, v: p.VersionOn(today)))
            .Where(x => x.v is not null)
            .Select(x => new ProcedureOption(x.p.Code, x.p.Name.For(culture), x.p.Field, x.v!.Rules, x.v.EffectiveFrom,
                string.Join(" ", x.p.Code, x.p.Name.Vi, x.p.Name.En, x.p.Name.Id)))
            .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];
        var code = Procedure?.Trim().ToUpperInvariant();
        Chosen = Procedures.FirstOrDefault(p => p.Code == code);
        Hamlets = [.. (await db.Hamlets.AsNoTracking().OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct)).Select(h => (h.Id, h.Name))];
        var names = Hamlets.ToDictionary(h => h.Id, h => h.Name);
        var sessions = await db.OutreachSessions.AsNoTracking()
            .Where(s => s.Date >= today.AddDays(-IntakeRules.MaxBackdateDays) && s.Date <= today && s.Status != SessionStatus.Cancelled)
            .OrderByDescending(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        Sessions = [.. sessions.Select(s => (s.Id, $"{s.Date:dd/MM/yyyy} · {t[$"Slot.{s.Slot}"]} · {names.GetValueOrDefault(s.HamletId, "?")}"))];
    }
}
