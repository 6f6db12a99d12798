using System.Globalization;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Quality;

namespace MotCua.Web.Host;

public static partial class DemoData
{
    /// <summary>
    /// How citizens of each demo commune rate and complain, so that the Index 766 dashboard shows something true: Lục Yên
    /// strong on satisfaction (its 18/18 in the articles: many ratings, almost all "satisfied", few complaints, all answered
    /// early), Châu Thành good, Vị Thanh 1 weaker (more dislikes, some complaints answered late or still open past the
    /// limit), Yên Bình few ratings (highland villages, fewer phones).
    /// </summary>
    /// <param name="RatedShare">Share of dossiers with a result that the citizen rates.</param>
    /// <param name="DislikeShare">Share of those ratings that are "not satisfied".</param>
    /// <param name="FeedbackPer">One complaint or recommendation per this many dossiers.</param>
    /// <param name="LateShare">Share of feedback answered after the 15 working days (or left open past them).</param>
    public sealed record DemoQualityProfile(double RatedShare, double DislikeShare, int FeedbackPer, double LateShare, double DissatisfiedShare);

    public static readonly IReadOnlyDictionary<string, DemoQualityProfile> QualityProfiles = new Dictionary<string, DemoQualityProfile>
    {
        ["000.00.21.H92"] = new(0.38, 0.03, 60, 0.08, 0.10),
        ["000.00.22.H92"] = new(0.30, 0.08, 45, 0.30, 0.30),
        ["000.00.31.H10"] = new(0.55, 0.004, 150, 0.0, 0.0),
        ["000.00.32.H10"] = new(0.22, 0.04, 90, 0.12, 0.15),
    };

    private static readonly (FeedbackKind Kind, FeedbackCategory Category, string Subject, string Content)[] FeedbackTopics =
    [
        (FeedbackKind.Complaint, FeedbackCategory.ProcessingTime, "Hẹn trả kết quả nhưng chưa có", "Tôi được hẹn nhận kết quả nhưng đến ngày hẹn vẫn chưa có, phải đi lại thêm một lần."),
        (FeedbackKind.Complaint, FeedbackCategory.Procedure, "Phải bổ sung giấy tờ nhiều lần", "Lần đầu nộp không được hướng dẫn đủ, tôi phải quay lại bổ sung hai lần."),
        (FeedbackKind.Complaint, FeedbackCategory.Attitude, "Cán bộ trả lời chưa nhiệt tình", "Khi hỏi về thủ tục, cán bộ trả lời ngắn, chưa hướng dẫn rõ."),
        (FeedbackKind.Complaint, FeedbackCategory.Facilities, "Không đủ chỗ ngồi chờ", "Buổi sáng đông người, nhiều người phải đứng chờ ngoài hiên."),
        (FeedbackKind.Complaint, FeedbackCategory.Fees, "Chưa rõ mức lệ phí", "Tôi chưa thấy niêm yết mức lệ phí chứng thực bản sao."),
        (FeedbackKind.Recommendation, FeedbackCategory.Other, "Đề nghị mở cửa sáng thứ Bảy", "Người đi làm xa khó đến trong giờ hành chính, đề nghị mở cửa sáng thứ Bảy."),
        (FeedbackKind.Recommendation, FeedbackCategory.Procedure, "Đề nghị hướng dẫn nộp hồ sơ trực tuyến", "Đề nghị Trung tâm có buổi hướng dẫn người cao tuổi nộp hồ sơ trên điện thoại."),
        (FeedbackKind.Recommendation, FeedbackCategory.Other, "Đề nghị thêm buổi phục vụ lưu động", "Ấp ở xa, đề nghị tổ lưu động về ấp thêm một buổi trong tháng."),
        (FeedbackKind.Recommendation, FeedbackCategory.ProcessingTime, "Đề nghị nhắn tin khi có kết quả", "Đề nghị gửi tin nhắn khi hồ sơ có kết quả để người dân khỏi đi hỏi."),
    ];

    private static readonly string[] Answers =
    [
        "Trung tâm xin tiếp thu và cảm ơn ông/bà. Từ tuần tới, Trung tâm bố trí thêm cán bộ ở quầy tiếp nhận vào buổi sáng.",
        "Trung tâm đã kiểm tra hồ sơ của ông/bà; kết quả đã có, mời ông/bà đến nhận hoặc Trung tâm gửi qua bưu điện theo đề nghị.",
        "Trung tâm đã niêm yết mức phí, lệ phí tại quầy và trên trang thông tin của xã. Xin cảm ơn ông/bà đã góp ý.",
        "Trung tâm đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn thành phần hồ sơ cho từng thủ tục.",
        "Kiến nghị của ông/bà đã được báo cáo lãnh đạo; tổ lưu động sẽ về ấp vào thứ Bảy cuối tháng.",
    ];

    private static readonly string[] Submitters = ["Trần Thị Lan", "Nguyễn Văn Hùng", "Lê Minh Tâm", "Phạm Thị Hạnh", "Hoàng Văn Sơn", "Bùi Thị Mai"];

    /// <summary>Ratings of dossiers with a result and feedback with its handling, per <see cref="QualityProfiles"/>; deterministic.</summary>
    private static async Task SeedQualityAsync(MotCuaDb db, IReadOnlyList<Dossier> dossiers, IReadOnlyList<Unit> units, WorkingCalendar calendarBase, DateTimeOffset now, CancellationToken ct)
    {
        var ratings = new List<DossierRating>();
        var feedback = new List<Feedback>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var profile = QualityProfiles[unit.Code];
            var rng = new Random(766 + unit.Code.Sum(c => c));
            var calendar = calendarBase.WithHours(unit.Hours);
            var officer = $"demo-specialist-{unit.Code.Split('.')[2]}";
            var own = dossiers.Where(d => d.UnitId == unit.Id).ToList();
            foreach (var d in own.Where(d => DossierRating.CanRate(d.Status) && d.EndedAt is not null))
            {
                var at = d.EndedAt!.Value.AddHours(1 + rng.Next(72));
                if (at > now || rng.NextDouble() >= profile.RatedShare)
                {
                    continue;
                }

                var liked = rng.NextDouble() >= profile.DislikeShare;
                int Score() => liked ? (rng.Next(10) < 7 ? 5 : 4) : 1 + rng.Next(3);
                var source = d.Channel is Domain.Catalog.Channel.Outreach or Domain.Catalog.Channel.HomeVisit ? RatingSource.FieldKit : rng.Next(3) == 0 ? RatingSource.Kiosk : RatingSource.Qr;
                ratings.Add(DossierRating.Rate(d, liked, new RatingAnswers(rng.Next(4) == 0 ? null : Score(), Score(), rng.Next(3) == 0 ? null : Score()),
                    !liked && rng.Next(2) == 0 ? "Phải đi lại nhiều lần mới xong." : null, source, at));
            }

            var count = own.Count / profile.FeedbackPer;
            for (var i = 0; i < count; i++)
            {
                var about = rng.Next(3) == 0 ? own[rng.Next(own.Count)] : null;
                var received = (about?.ReceivedAt ?? own[rng.Next(own.Count)].RegisteredAt).AddHours(2 + rng.Next(24 * 5));
                if (received > now)
                {
                    continue;
                }

                var topic = FeedbackTopics[rng.Next(FeedbackTopics.Length)];
                string code;
                do
                {
                    code = string.Create(CultureInfo.InvariantCulture, $"PA-{WorkingCalendar.LocalDate(received):yyMMdd}-{new string([.. Enumerable.Range(0, 4).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.Next(32)])])}");
                }
                while (!codes.Add(code));

                var named = rng.Next(2) == 0;
                var f = Feedback.Submit(
                    new FeedbackSubmission(unit.Id, code, new string([.. Enumerable.Range(0, 8).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.Next(32)])]), topic.Kind, topic.Subject, topic.Content,
                        about?.Id, about?.Number.ToString(), named ? Submitters[rng.Next(Submitters.Length)] : null, named ? PhoneNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"09{rng.Next(100_000_000):00000000}")) : null),
                    received, calendar);
                Handle(f, topic.Category, officer, profile, rng, calendar, now);
                feedback.Add(f);
            }
        }

        SeedExternalValues(db, units, now);
        foreach (var chunk in ratings.Chunk(500))
        {
            db.DossierRatings.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.FeedbackItems.AddRange(feedback);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Values of the indicators measured outside MotCua, as an administrator would read them off the national portal each
    /// month, so that the demo shows a whole index. Marked as demo figures in their source.
    /// </summary>
    private static void SeedExternalValues(MotCuaDb db, IReadOnlyList<Unit> units, DateTimeOffset now)
    {
        var today = WorkingCalendar.LocalDate(now);
        foreach (var unit in units)
        {
            var rng = new Random(7660 + unit.Code.Sum(c => c));
            var strong = unit.Code == "000.00.31.H10";
            for (var m = new DateOnly(today.Year, today.Month, 1).AddDays(-Days).AddMonths(1); m <= today; m = m.AddMonths(1))
            {
                var month = new DateOnly(m.Year, m.Month, 1);
                void Add(string key, ExternalValueKind kind, decimal value) => db.QualityExternalValues.Add(new QualityExternalValue
                {
                    UnitId = unit.Id, Month = month, IndicatorKey = key, Kind = kind, Value = value,
                    Source = "Số liệu minh hoạ (demo)", SetBy = "demo-admin", SetAt = now,
                });
                Add("publicity.proceduresPublishedOnTime", ExternalValueKind.Percent, 100);
                Add("publicity.otherCriteria", ExternalValueKind.Points, strong ? 8 : 6.5m + (rng.Next(3) * 0.5m));
                Add("digitisation.personalDataStore", ExternalValueKind.Percent, (strong ? 75 : 50) + rng.Next(15));
                Add("digitisation.populationDataUse", ExternalValueKind.Points, strong ? 2 : 1.5m);
                Add("digitisation.populationLinkedProcedures", ExternalValueKind.Percent, 90 + rng.Next(9));
                Add("digitisation.electronicCertifiedCopies", ExternalValueKind.Percent, (strong ? 40 : 10) + rng.Next(20));
            }
        }
    }

    /// <summary>Classified and assigned the next working day, then answered early, late, refused or still open, as the profile says.</summary>
    private static void Handle(Feedback f, FeedbackCategory category, string officer, DemoQualityProfile profile, Random rng, WorkingCalendar calendar, DateTimeOffset now)
    {
        var t = calendar.AddWorkingMinutes(calendar.StartOfWork(f.ReceivedAt), 60 + rng.Next(240));
        bool Do(FeedbackAction action, string? text = null, FeedbackCategory? c = null, string? assignee = null)
        {
            if (t > now)
            {
                return false;
            }

            try
            {
                f.Apply(new FeedbackCommand(action, f.Version, officer, text, null, c, assignee), t, calendar);
                return true;
            }
            catch (DomainRuleException)
            {
                return false;
            }
        }

        if (!Do(FeedbackAction.Classify, c: category) || !Do(FeedbackAction.Assign, assignee: officer))
        {
            return;
        }

        var late = rng.NextDouble() < profile.LateShare;
        bool answered;
        if (f.Kind == FeedbackKind.Complaint && f.Category == FeedbackCategory.Fees && rng.Next(2) == 0)
        {
            // Outside the commune's competence: refused within the 2 working days (or after them, when late).
            t = calendar.AddWorkingMinutes(t, late ? 8 * 60 * 3 : 60 + rng.Next(240));
            answered = Do(FeedbackAction.Refuse, "Mức lệ phí do Hội đồng nhân dân tỉnh quy định; Trung tâm đã chuyển kiến nghị đến Sở Tài chính.");
        }
        else
        {
            t = calendar.AddWorkingMinutes(t, 8 * 60 * (late ? 16 + rng.Next(8) : 2 + rng.Next(8)));
            answered = Do(FeedbackAction.Answer, Answers[rng.Next(Answers.Length)]);
        }

        if (answered && rng.Next(2) == 0)
        {
            var at = t.AddHours(2 + rng.Next(48));
            if (at <= now)
            {
                f.Rate(rng.NextDouble() >= profile.DissatisfiedShare, at);
            }
        }
    }
}
