using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;

namespace MotCua.Web.Features.Complaints;

/// <summary>Staff classify, assign, answer, refuse or ask for more information, against the version they saw.</summary>
public static class HandleFeedback
{
    /// <summary>The item after the change, or null when the caller's unit has no item with that code.</summary>
    public static async Task<Feedback?> ExecuteAsync(string code, FeedbackCommand command, MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(limits);
        var feedback = await db.FeedbackItems.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (feedback is null)
        {
            return null;
        }

        if (command.Action == FeedbackAction.Assign && !string.IsNullOrWhiteSpace(command.AssigneeId)
            && !await db.Users.AnyAsync(u => u.Id == command.AssigneeId.Trim() && u.UnitId == feedback.UnitId, ct))
        {
            throw new DomainRuleException("feedback.assignee-unknown", "Feedback can be assigned only to an officer of its own unit.", RuleKind.Invalid);
        }

        var calendar = await db.LoadCalendarAsync(feedback.UnitId, ct);
        feedback.Apply(command, time.GetUtcNow(), calendar, limits);
        await db.SaveChangesAsync(ct);
        return feedback;
    }

    /// <summary>The actions staff may take on an item in its state.</summary>
    public static IReadOnlyList<FeedbackAction> Allowed(Feedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return feedback.Status switch
        {
            FeedbackStatus.Received or FeedbackStatus.InProgress =>
                [FeedbackAction.Classify, FeedbackAction.Assign, FeedbackAction.Answer, FeedbackAction.Refuse, FeedbackAction.RequestInformation],
            FeedbackStatus.InformationRequested => [FeedbackAction.Classify, FeedbackAction.Assign, FeedbackAction.Answer, FeedbackAction.InformationReceived],
            _ => [],
        };
    }
}
