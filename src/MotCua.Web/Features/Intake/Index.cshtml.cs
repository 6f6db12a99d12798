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
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Intake;

/// <summary>Counter intake in a few keystrokes: procedure, papers, applicant, channel, scans, confirm → receipt.</summary>
[Authorize(Policy = Policies.ReceiveDossiers)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t, IntakeNumbering numbering, FieldSync.FieldSettings fieldSettings) : PageModel
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

    /// <summary>Outreach sessions of the last two weeks and today, for dossiers received in a hamlet.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ClientId = Guid.NewGuid();
        Input.Channel = fieldSettings.IsFieldNode || (User.IsInRole(Roles.FieldAgent) && !User.IsInRole(Roles.CounterOfficer)) ? Channel.Outreach : Channel.Counter;
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
            Errors["applicant.citizenId"] = t["Intake.Error.CitizenId"];
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
        db.Audit("personal-data.read", nameof(Dossier), previous.Id.ToString(), "intake: returning applicant");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chosen is null)
        {
            Errors["procedure"] = t["Intake.Error.Procedure"];
            return Page();
        }

        if (FieldKit && !Input.Channel.AllowsFieldTimestamp())
        {
            Errors["channel"] = t["Intake.Error.Channel"];
            return Page();
        }

        string? receivedAt = null;
        if (Input.Channel.AllowsFieldTimestamp() && !string.IsNullOrWhiteSpace(Input.ReceivedAt))
        {
            if (DateTime.TryParseExact(Input.ReceivedAt, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                receivedAt = new DateTimeOffset(local, WorkingCalendar.VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            }
            else
            {
                Errors["receivedAt"] = t["Intake.Error.ReceivedAt"];
            }
        }

        var request = new ReceiveDossierRequest(Input.ClientId, Chosen.Code, User.UnitCodeOf(), Input.Channel,
            new ApplicantRequest(Input.CitizenId, Input.FullName, Input.Phone, Input.Address, Input.HamletId, Input.Consent ? true : null),
            receivedAt, Input.NeedsVerification, Input.Papers,
            Input.Channel == Channel.Outreach ? Input.OutreachSessionId : null, Input.PriorityGroups);
        var errors = new ValidationErrors();
        var input = ReceiveDossier.Validate(request, Actor.Of(HttpContext), time.GetUtcNow(), errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            Errors[field] = Localize(field, messages[0]);
        }

        if (input is null || Errors.Count > 0)
        {
            return Page();
        }

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
            var outcome = await ReceiveDossier.ExecuteAsync(input with { Scans = scans }, db, time, ct, numbering);
            TempData["Notice"] = outcome.Created ? string.Format(CultureInfo.CurrentCulture, t["Intake.Received"], outcome.Dossier.Number) : t["Intake.AlreadyReceived"];
            return Redirect($"/dossiers/{outcome.Dossier.Number}/forms/receipt");
        }
        catch (DomainRuleException ex)
        {
            Errors[ex.Code.StartsWith("scan.", StringComparison.Ordinal) ? "scans" : "form"] = t[$"Problem.{ex.Code}"].ResourceNotFound ? ex.Message : t[$"Problem.{ex.Code}"];
            return Page();
        }
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The channels an officer may choose here: never online; on a field kit only outreach and home visits.</summary>
    public IReadOnlyList<Channel> Channels => Chosen is null ? [] : [.. Chosen.Rules.Channels.Where(c => c != Channel.Online && (!FieldKit || c.AllowsFieldTimestamp()))];

    /// <summary>True on a team laptop (field mode): numbers come from the kit's blocks and the dossier waits in the outbox.</summary>
    public bool FieldKit => fieldSettings.IsFieldNode;

    private string Localize(string field, string fallback)
    {
        var key = field switch
        {
            "applicant.citizenId" => "Intake.Error.CitizenId",
            "applicant.fullName" => "Intake.Error.FullName",
            "applicant.phone" => "Intake.Error.Phone",
            "receivedAt" => "Intake.Error.ReceivedAt",
            "channel" => "Intake.Error.Channel",
            _ => null,
        };
        return key is null ? fallback : t[key];
    }

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
            .Where(s => s.Date >= today.AddDays(-14) && s.Date <= today && s.Status != SessionStatus.Cancelled)
            .OrderByDescending(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        Sessions = [.. sessions.Select(s => (s.Id, $"{s.Date:dd/MM/yyyy} · {t[$"Slot.{s.Slot}"]} · {names.GetValueOrDefault(s.HamletId, "?")}"))];
    }
}
