using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Complaints;

/// <summary>
/// What citizens do without signing in: send a complaint or recommendation (PAKN), follow it with its code and secret,
/// and say whether the answer satisfies them. Rate limited per address like the dossier lookup; a wrong secret and an
/// unknown code answer the same 404.
/// </summary>
public static class PublicFeedbackApi
{
    public static void MapPublicFeedbackApi(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/public/feedback").WithTags("Public").AllowAnonymous().RequireRateLimiting(Hardening.PublicRateLimit);
        feedback.MapPost("/", SubmitAsync).WithName("SubmitFeedback")
            .WithSummary("Sends a complaint or recommendation (PAKN), optionally about a dossier (its number and secret); answers the code and secret to follow it.")
            .Produces<FeedbackReceipt>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapGet("/{code}", FollowAsync).WithName("FollowFeedback")
            .WithSummary("Where a feedback item stands, for the holder of its code and secret.")
            .Produces<PublicFeedbackResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPost("/{code}/satisfaction", SatisfactionAsync).WithName("RateFeedbackAnswer")
            .WithSummary("Whether the answer satisfies the submitter (once answered or refused); again replaces it.")
            .Produces<PublicFeedbackResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> SubmitAsync([FromBody] FeedbackRequest? request, MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, AnonymousFeedbackCap cap,
        FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        if (throttle.SecretWait(http) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var errors = new ValidationErrors();
        var input = SubmitFeedback.Validate(request, errors);
        if (input is null)
        {
            return errors.ToResult();
        }

        var feedback = await SubmitFeedback.ExecuteAsync(input, db, time, limits, cap, ct);
        if (feedback is null)
        {
            if (input.DossierNumber is not null)
            {
                throttle.SecretFailed(http);
            }

            return Problems.NotFound(input.DossierNumber is null ? $"No commune has the code '{input.UnitCode}'." : "No dossier matches this number and secret. Check both on your receipt.");
        }

        var follow = $"/phan-anh/{feedback.Code}?secret={feedback.Secret}";
        return TypedResults.Created($"/api/public/feedback/{feedback.Code}",
            new FeedbackReceipt(feedback.Code, feedback.Secret, Domain.Calendar.WorkingCalendar.ToLocal(feedback.ReceivedAt), Domain.Calendar.WorkingCalendar.ToLocal(feedback.DueAt), follow));
    }

    private static async Task<IResult> FollowAsync(string code, string? secret, MotCuaDb db, IStringLocalizer<Strings> t, FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        if (throttle.SecretWait(http) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var feedback = await RateFeedbackAnswer.FindAsync(db, code, secret, tracked: false, ct);
        if (feedback is null)
        {
            throttle.SecretFailed(http);
            return Problems.NotFound("No feedback matches this code and secret.");
        }

        return TypedResults.Ok(await FeedbackQuery.ToPublicAsync(feedback, db, s => t[$"Feedback.Status.{s}"], ct));
    }

    private static async Task<IResult> SatisfactionAsync(string code, [FromBody] FeedbackSatisfactionRequest? request, MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t,
        FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        if (throttle.SecretWait(http) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request?.Secret))
        {
            errors.Add("secret", "The secret given with the code is required.");
        }

        if (request?.Satisfied is null)
        {
            errors.Add("satisfied", "Say whether the answer satisfies you (true) or not (false).");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var feedback = await RateFeedbackAnswer.ExecuteAsync(code, request!.Secret, request.Satisfied!.Value, db, time, ct);
        if (feedback is null)
        {
            throttle.SecretFailed(http);
            return Problems.NotFound("No feedback matches this code and secret.");
        }

        return TypedResults.Ok(await FeedbackQuery.ToPublicAsync(feedback, db, s => t[$"Feedback.Status.{s}"], ct));
    }
}
