using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.TestCalendars;

namespace MotCua.Domain.Tests.Dossiers;

public sealed class DossierTests
{
    private static readonly WorkingCalendar Calendar = Year2026;
    private static readonly Guid Unit = Guid.NewGuid();

    private static Procedure Procedure(TimeLimit limit, TimeLimit? extended = null, params Channel[] channels)
    {
        var p = new Procedure("1.001193", new LocalizedText("Đăng ký khai sinh", "Birth registration"), "civil-status");
        p.SetVersion(new ProcedureRules(limit, Fee.None, [new RequiredPaper(new LocalizedText("Tờ khai"))],
            channels.Length == 0 ? [Channel.Counter, Channel.Online, Channel.Outreach, Channel.HomeVisit] : channels, extended), new DateOnly(2025, 7, 1));
        return p;
    }

    private static Applicant Applicant() =>
        new(CitizenId.Parse("092080001234"), "Nguyễn Văn Hoà", PhoneNumber.Parse("0912345678"), "Ấp Phú Thuận A", null);

    private static Dossier Receive(DateTimeOffset at, TimeLimit limit, Channel channel = Channel.Counter, DateTimeOffset? recordedAt = null, bool verify = false, TimeLimit? extended = null)
    {
        var date = WorkingCalendar.LocalDate(recordedAt ?? at);
        return Dossier.Receive(
            new DossierIntake(Guid.NewGuid(), Unit, new DossierNumber("000.00.31.H19", date, 1), Procedure(limit, extended), Applicant(), channel, "ABCD2345", "officer-1", recordedAt, verify),
            at, Calendar);
    }

    private static void Act(Dossier d, DossierAction action, DateTimeOffset at, string? reason = null, string? to = null) =>
        d.Apply(new DossierCommand(action, d.Version, "officer-1", reason, to), at, Calendar);

    [Fact]
    public void Receive_AtCounter_IsReceivedWithDueDateAndHistory()
    {
        var d = Receive(Local(2026, 3, 2, 9, 30), TimeLimit.WorkingDays(3));

        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(Local(2026, 3, 2, 9, 30), d.ReceivedAt);
        Assert.Equal(Local(2026, 3, 5, 9, 30), d.DueAt);
        Assert.Equal(d.DueAt, d.OriginalDueAt);
        Assert.Equal(1, d.Version);
        var e = Assert.Single(d.Events);
        Assert.Equal(DossierAction.Receive, e.Action);
        Assert.Equal(DossierStatus.Received, e.ToStatus);
    }

    [Fact]
    public void Receive_Online_WaitsForAcceptanceBeforeTheClockStarts()
    {
        var d = Receive(Local(2026, 3, 7, 20), TimeLimit.WorkingDays(3), Channel.Online);

        Assert.Equal(DossierStatus.NewlyRegistered, d.Status);
        Assert.Null(d.ReceivedAt);
        Assert.Null(d.DueAt);
        Assert.Null(d.TimelinessAt(Local(2026, 3, 20, 9), Calendar));

        Act(d, DossierAction.Accept, Local(2026, 3, 9, 8));

        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(Local(2026, 3, 12, 8), d.DueAt);
    }

    [Fact]
    public void Receive_FieldTimestampForCounter_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Receive(Local(2026, 3, 2, 9), TimeLimit.SameDay, Channel.Counter, Local(2026, 3, 1, 9)));
        Assert.Equal("dossier.received-at-not-allowed", ex.Code);
    }

    [Fact]
    public void Receive_FieldTimestampInTheFuture_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Receive(Local(2026, 3, 2, 9), TimeLimit.SameDay, Channel.Outreach, Local(2026, 3, 2, 10)));
        Assert.Equal("dossier.received-in-future", ex.Code);
    }

    [Fact]
    public void Receive_OutreachRecordedOnSaturday_ClockStartsWhenPapersWereHandedIn()
    {
        var d = Receive(Local(2026, 11, 16, 8), TimeLimit.SameDay, Channel.Outreach, Local(2026, 11, 14, 9));

        Assert.Equal(Local(2026, 11, 14, 9), d.ReceivedAt);
        Assert.Equal(Local(2026, 11, 16, 17), d.DueAt);
    }

    [Fact]
    public void Receive_ChannelTheProcedureDoesNotAllow_IsRefused()
    {
        var p = Procedure(TimeLimit.SameDay, null, Channel.Counter);
        var ex = Assert.Throws<DomainRuleException>(() => Dossier.Receive(
            new DossierIntake(Guid.NewGuid(), Unit, new DossierNumber("000.00.31.H19", new DateOnly(2026, 3, 2), 1), p, Applicant(), Channel.Post, "ABCD2345", "o"),
            Local(2026, 3, 2, 9), Calendar));
        Assert.Equal("dossier.channel-not-allowed", ex.Code);
    }

    [Fact]
    public void Receive_NeedsVerification_UsesTheExtendedLimit()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.SameDay, verify: true, extended: TimeLimit.WorkingDays(3));

        Assert.Equal(TimeLimit.WorkingDays(3), d.TimeLimit);
        Assert.Equal(Local(2026, 3, 5, 9), d.DueAt);
    }

    [Fact]
    public void Receive_ProcedureWithoutVersionOnThatDay_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Receive(Local(2025, 6, 2, 9), TimeLimit.SameDay));
        Assert.Equal("catalog.no-version", ex.Code);
    }

    [Fact]
    public void Receive_RequiredPaperMissing_IsRefusedAndUnknownPaperIsInvalid()
    {
        var p = Procedure(TimeLimit.SameDay);
        Dossier Make(IReadOnlyList<string> papers) => Dossier.Receive(
            new DossierIntake(Guid.NewGuid(), Unit, new DossierNumber("000.00.31.H19", new DateOnly(2026, 3, 2), 1), p, Applicant(), Channel.Counter, "ABCD2345", "o", Papers: papers),
            Local(2026, 3, 2, 9), Calendar);

        Assert.Equal("dossier.papers-missing", Assert.Throws<DomainRuleException>(() => Make([])).Code);
        Assert.Equal(RuleKind.Invalid, Assert.Throws<DomainRuleException>(() => Make(["Tờ khai", "Giấy lạ"])).Kind);
        Assert.Equal(["Tờ khai"], Make(["Tờ khai"]).PapersReceived);
    }

    [Fact]
    public void Apologise_NeedsADateAfterTheDueDate_AndLeavesTheDueDate()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.SameDay);

        Assert.Throws<DomainRuleException>(() => d.Apply(new DossierCommand(DossierAction.Apologise, d.Version, "o", "Chậm xác minh", PromisedAt: Local(2026, 3, 2, 16)), Local(2026, 3, 2, 10), Calendar));
        d.Apply(new DossierCommand(DossierAction.Apologise, d.Version, "o", "Chậm xác minh", PromisedAt: Local(2026, 3, 5, 17)), Local(2026, 3, 3, 9), Calendar);

        Assert.Equal(Local(2026, 3, 5, 17), d.PromisedAt);
        Assert.Equal(Local(2026, 3, 2, 17), d.DueAt);
        Assert.Equal(DossierStatus.Received, d.Status);
    }

    [Fact]
    public void Apply_ForbiddenTransition_IsRefused()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        var ex = Assert.Throws<DomainRuleException>(() => Act(d, DossierAction.Complete, Local(2026, 3, 2, 10)));

        Assert.Equal("dossier.transition-forbidden", ex.Code);
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(1, d.Version);
    }

    [Fact]
    public void Apply_StaleVersion_IsAConflict()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));

        var ex = Assert.Throws<DomainRuleException>(() => d.Apply(new DossierCommand(DossierAction.Complete, 1, "o"), Local(2026, 3, 2, 11), Calendar));

        Assert.Equal(RuleKind.Conflict, ex.Kind);
        Assert.Equal(DossierStatus.Processing, d.Status);
    }

    [Theory]
    [InlineData(DossierAction.Decline)]
    [InlineData(DossierAction.RequestSupplement)]
    [InlineData(DossierAction.Stop)]
    [InlineData(DossierAction.Withdraw)]
    public void Apply_ActionPrintedOnAForm_NeedsAReason(DossierAction action)
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        var ex = Assert.Throws<DomainRuleException>(() => Act(d, action, Local(2026, 3, 2, 10), "  "));

        Assert.Equal("dossier.reason-required", ex.Code);
    }

    [Fact]
    public void HandOver_RecordsFromAndToAndKeepsTheState()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        Act(d, DossierAction.HandOver, Local(2026, 3, 2, 9, 15), to: "specialist-7");

        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal("specialist-7", d.HandlerId);
        var e = d.Events[^1];
        Assert.Equal("officer-1", e.FromOfficerId);
        Assert.Equal("specialist-7", e.ToOfficerId);
        Assert.Equal(Timeliness.Early, e.StepTimeliness);
    }

    [Fact]
    public void HandOver_ToTheCurrentHolder_IsRefused()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        Assert.Throws<DomainRuleException>(() => Act(d, DossierAction.HandOver, Local(2026, 3, 2, 9, 15), to: "officer-1"));
    }

    [Fact]
    public void Supplement_PausesTheClock_AndMovesTheDueDateByTheWorkingTimeWaited()
    {
        // Received Monday 2 Mar 09:00, 3 days → due Thursday 5 Mar 09:00.
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.RequestSupplement, Local(2026, 3, 3, 9), "Thiếu giấy chứng sinh");

        // Paused Tuesday 09:00 → Wednesday 09:00: one working day (8 h) waited.
        Assert.Equal(Local(2026, 3, 5, 9), d.DueAt);
        Assert.Equal(Local(2026, 3, 6, 9), d.EffectiveDueAt(Local(2026, 3, 4, 9), Calendar));

        Act(d, DossierAction.SupplementReceived, Local(2026, 3, 4, 9));

        Assert.Equal(DossierStatus.Processing, d.Status);
        Assert.Null(d.PausedAt);
        Assert.Equal(Local(2026, 3, 6, 9), d.DueAt);
        Assert.Equal(Local(2026, 3, 5, 9), d.OriginalDueAt);
    }

    [Fact]
    public void Timeliness_CompletedOnEarlierDay_IsEarly()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.Complete, Local(2026, 3, 4, 16));

        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 4, 1, 9), Calendar));
        Assert.Equal(Local(2026, 3, 4, 16), d.EndedAt);
    }

    [Fact]
    public void Timeliness_CompletedOnDueDayBeforeDueTime_IsOnTime()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.Complete, Local(2026, 3, 5, 8));

        Assert.Equal(Timeliness.OnTime, d.TimelinessAt(Local(2026, 4, 1, 9), Calendar));
    }

    [Fact]
    public void Timeliness_CompletedAfterDueTime_IsLate()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.Complete, Local(2026, 3, 5, 9, 1));

        Assert.Equal(Timeliness.Late, d.TimelinessAt(Local(2026, 4, 1, 9), Calendar));
    }

    [Fact]
    public void Timeliness_ReturningTheResultLater_DoesNotChangeIt()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.Complete, Local(2026, 3, 3, 9));
        Act(d, DossierAction.ReturnResult, Local(2026, 3, 20, 9));

        Assert.Equal(DossierStatus.ResultReturned, d.Status);
        Assert.Equal(Local(2026, 3, 3, 9), d.EndedAt);
        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 4, 1, 9), Calendar));
    }

    [Fact]
    public void Timeliness_MoreThanOneSupplementRequest_CountsAsLateEvenWhenEarly()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(10));
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.RequestSupplement, Local(2026, 3, 2, 11), "Thiếu tờ khai");
        Act(d, DossierAction.SupplementReceived, Local(2026, 3, 2, 14));
        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 3, 3, 9), Calendar));

        Act(d, DossierAction.RequestSupplement, Local(2026, 3, 3, 11), "Thiếu bản sao");
        Act(d, DossierAction.SupplementReceived, Local(2026, 3, 3, 14));
        Act(d, DossierAction.Complete, Local(2026, 3, 4, 9));

        Assert.Equal(Timeliness.Late, d.TimelinessAt(Local(2026, 3, 4, 9), Calendar));
    }

    [Fact]
    public void Timeliness_OpenDossier_IsClassifiedAsIfEndedNow()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 3, 3, 9), Calendar));
        Assert.Equal(Timeliness.OnTime, d.TimelinessAt(Local(2026, 3, 5, 8), Calendar));
        Assert.Equal(Timeliness.Late, d.TimelinessAt(Local(2026, 3, 5, 10), Calendar));
        Assert.True(d.IsOverdue(Local(2026, 3, 5, 10), Calendar));
        Assert.False(d.IsOverdue(Local(2026, 3, 5, 8), Calendar));
    }

    [Fact]
    public void Timeliness_OpenAndPaused_IsNotOverdueWhileWaitingForTheCitizen()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.RequestSupplement, Local(2026, 3, 3, 9), "Thiếu giấy tờ");

        Assert.False(d.IsOverdue(Local(2026, 3, 30, 9), Calendar));
        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 3, 30, 9), Calendar));
    }

    [Fact]
    public void Withdraw_WhilePaused_EndsThePauseAndTheClock()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));
        Act(d, DossierAction.RequestSupplement, Local(2026, 3, 3, 9), "Thiếu giấy tờ");
        Act(d, DossierAction.Withdraw, Local(2026, 3, 10, 9), "Công dân xin rút hồ sơ");

        Assert.Equal(DossierStatus.Withdrawn, d.Status);
        Assert.Null(d.PausedAt);
        Assert.Equal(Local(2026, 3, 10, 9), d.EndedAt);
        Assert.Equal(Timeliness.Early, d.TimelinessAt(Local(2026, 4, 1, 9), Calendar));
        Assert.Empty(d.AllowedActions());
    }

    [Fact]
    public void FullWalk_EveryStateInOrder_HistoryHasEveryStep()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(5), Channel.Online);
        Act(d, DossierAction.Accept, Local(2026, 3, 2, 9, 5));
        Act(d, DossierAction.HandOver, Local(2026, 3, 2, 9, 10), to: "specialist");
        Act(d, DossierAction.StartProcessing, Local(2026, 3, 2, 10));
        Act(d, DossierAction.RequestPayment, Local(2026, 3, 3, 10));
        Act(d, DossierAction.PaymentReceived, Local(2026, 3, 3, 11));
        Act(d, DossierAction.Complete, Local(2026, 3, 4, 10));
        Act(d, DossierAction.ReturnResult, Local(2026, 3, 5, 10));

        Assert.Equal(
            [DossierStatus.NewlyRegistered, DossierStatus.Received, DossierStatus.Received, DossierStatus.Processing, DossierStatus.AwaitingPayment, DossierStatus.Processing, DossierStatus.Processed, DossierStatus.ResultReturned],
            d.Events.Select(e => e.ToStatus));
        Assert.Equal(Enumerable.Range(1, 8), d.Events.Select(e => e.Sequence));
        Assert.Equal(8, d.Version);
    }

    [Fact]
    public void AllowedActions_FollowTheStateMachine()
    {
        var d = Receive(Local(2026, 3, 2, 9), TimeLimit.WorkingDays(3));

        Assert.Equal(
            new[] { DossierAction.Decline, DossierAction.StartProcessing, DossierAction.HandOver, DossierAction.RequestSupplement, DossierAction.Withdraw, DossierAction.Stop, DossierAction.Apologise }.Order(),
            d.AllowedActions().Order());
    }
}
