using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;

namespace MotCua.Web.Platform;

/// <summary>
/// Turns every expected failure into RFC 9457 problem details: malformed input 400, stale version 409, a broken
/// business rule 422, an oversized body 413. Anything else is a defect and answers a generic 500 that leaks nothing.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var mapped = Map(exception);
        if (mapped is null)
        {
            return false;
        }

        var (status, title, code, detail) = mapped.Value;
        logger.LogInformation("Request refused with {Status} {Code}: {Detail}", status, code, detail);
        httpContext.Response.StatusCode = status;
        var problem = Problems.Create(status, title, detail, code);
        if (exception is DomainRuleException { Violations.Count: > 0 } rule)
        {
            problem.Extensions["violations"] = rule.Violations;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Title, string Code, string Detail)? Map(Exception exception) => exception switch
    {
        DomainRuleException { IsConflict: true } d => (StatusCodes.Status409Conflict, "The record has changed", d.Code, d.Message),
        DomainRuleException { IsInvalidInput: true } d => (StatusCodes.Status400BadRequest, "Invalid input", d.Code, d.Message),
        DomainRuleException d => (StatusCodes.Status422UnprocessableEntity, "Not allowed by the rules", d.Code, d.Message),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record has changed", "concurrency", "Someone else changed this record at the same time; reload it and try again."),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", "request.malformed", b.Message),
        JsonException => (StatusCodes.Status400BadRequest, "Bad request", "request.malformed-json", "The request body is not valid JSON for this endpoint."),

        // PostgreSQL cannot store a NUL character (SQLite can): text that holds one is the sender's mistake.
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } => (StatusCodes.Status400BadRequest, "Invalid input", "request.invalid-characters", "The input contains characters that cannot be stored (e.g. a NUL character)."),
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "22021" or "22P05" } } => (StatusCodes.Status400BadRequest, "Invalid input", "request.invalid-characters", "The input contains characters that cannot be stored (e.g. a NUL character)."),
        _ => null,
    };
}

public static class Problems
{
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Create(int status, string title, string detail, string code)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"urn:motcua:problem:{code}",
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static IResult Result(int status, string title, string detail, string code) =>
        TypedResults.Problem(Create(status, title, detail, code));

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail, "not-found");

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, type: "urn:motcua:problem:validation", title: "Invalid input");

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, type: "urn:motcua:problem:validation", title: "Invalid input");
}
