using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Complaints;

/// <summary>Staff handle complaints and recommendations (PAKN) of their unit; province viewers read them, masked.</summary>
public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization(FeedbackPolicies.Read);
        group.MapGet("/", ListAsync).WithName("ListFeedback")
            .WithSummary("Feedback of your scope, open and most urgent first; filter by status, open, overdue, dossier.")
            .Produces<FeedbackPage>().ProducesValidationProblem();
        group.MapGet("/{code}", GetAsync).WithName("GetFeedback")
            .WithSummary("One item with its history and the actions allowed now.")
            .Produces<FeedbackResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{code}/actions", ActAsync).WithName("HandleFeedback")
            .WithSummary("classify, assign, answer, refuse, requestInformation, informationReceived: 409 when the version is stale, 422 when the state forbids it.")
            .Produces<FeedbackResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(FeedbackPolicies.Handle);
        return group;
    }

    private static async Task<IResult> ListAsync(string? status, bool? open, bool? overdue, string? dossier, int? page, int? pageSize, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        FeedbackStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (EnumText.TryParse<FeedbackStatus>(status, out var parsed))
            {
                s = parsed;
            }
            else
            {
                errors.Add("status", "status is received, inProgress, informationRequested, answered or refused.");
            }
        }

        if (page is < 1 or > 100_000)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > FeedbackQuery.MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1–{FeedbackQuery.MaxPageSize}.");
        }

        if (dossier?.Length > 64)
        {
            errors.Add("dossier", "Not a dossier number.");
        }

        return errors.Any
            ? errors.ToResult()
            : TypedResults.Ok(await FeedbackQuery.ListAsync(new FeedbackQuery.Filter(s, open, overdue, null, dossier?.Trim(), page ?? 1, pageSize ?? 50), db, time, ct));
    }

    private static async Task<IResult> GetAsync(string code, MotCuaDb db, TimeProvider time, HttpContext http, IAuthorizationService authorization, CancellationToken ct)
    {
        var read = await ReadFeedback.ExecuteAsync(code, http.User, db, time, authorization, ct);
        return read is null ? Problems.NotFound($"No feedback has the code '{code}'.") : TypedResults.Ok(read.Response);
    }

    private static async Task<IResult> ActAsync(string code, [FromBody] FeedbackActionRequest? request, MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, HttpContext http, IAuthorizationService authorization, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request?.Action is not { } action || action is FeedbackAction.Submit or FeedbackAction.Rate || !Enum.IsDefined(action))
        {
            errors.Add("action", "The action is classify, assign, answer, refuse, requestInformation or informationReceived.");
        }

        if (request?.Version is not { } version || version < 1)
        {
            errors.Add("version", "The version of the item you saw is required.");
        }

        if (request?.Assignee?.Length > 64)
        {
            errors.Add("assignee", "The officer id is at most 64 characters.");
        }

        if (request?.Text?.Length > Feedback.MaxTextLength)
        {
            errors.Add("text", $"The text is at most {Feedback.MaxTextLength} characters.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (code.Length > ReadFeedback.MaxCodeLength)
        {
            return Problems.NotFound($"No feedback has the code '{code}'.");
        }

        var command = new FeedbackCommand(request!.Action!.Value, request.Version!.Value, Actor.Of(http), request.Text, request.Kind, request.Category, request.Assignee);
        var feedback = await HandleFeedback.ExecuteAsync(code, command, db, time, limits, ct);
        return feedback is null
            ? Problems.NotFound($"No feedback has the code '{code}'.")
            : TypedResults.Ok(await ReadFeedback.AfterChangeAsync(feedback, http.User, db, time, authorization, ct));
    }
}
