using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;

namespace MotCua.Web.Platform;

/// <summary>
/// Turns every expected failure into RFC 9457 problem details through <see cref="Problems"/>: a broken rule by its
/// <see cref="RuleKind"/>, a stale version 409, an oversized body 413. Anything else is a defect and answers a generic
/// 500 that leaks nothing.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem is null)
        {
            return false;
        }

        logger.LogInformation("Request refused with {Status} {Code}: {Detail}", problem.Status, problem.Extensions["code"], problem.Detail);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Map(Exception exception) => exception switch
    {
        DomainRuleException d => Problems.Create(d),
        DbUpdateConcurrencyException => Problems.Create(RuleKind.Conflict, "concurrency", "Someone else changed this record at the same time; reload it and try again."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(ProblemKind.TooLarge, "request.malformed", "The request body is larger than this endpoint takes."),
        BadHttpRequestException b => Problems.Create(b.StatusCode, "Bad request", Neutral(b), "request.malformed"),
        JsonException => Problems.Create(RuleKind.Invalid, "request.malformed-json", "The request body is not valid JSON for this endpoint."),

        // PostgreSQL cannot store a NUL character (SQLite can): text that holds one is the sender's mistake.
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } => Problems.Create(RuleKind.Invalid, "request.invalid-characters", InvalidCharacters),
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "22021" or "22P05" } } => Problems.Create(RuleKind.Invalid, "request.invalid-characters", InvalidCharacters),
        _ => null,
    };

    /// <summary>
    /// The framework's binding messages name .NET types (<c>Failed to read parameter "LoginRequest? request"…</c>): the
    /// answer names only the parameter the client sent, so nothing of the code's shape leaks.
    /// </summary>
    internal static string Neutral(BadHttpRequestException b)
    {
        var parameter = System.Text.RegularExpressions.Regex.Match(b.Message, "parameter \"(?:[^\"]*\\s)?([A-Za-z_][A-Za-z0-9_]*)\"",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        return b.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => "The request's media type is not one this endpoint reads (send application/json).",
            _ when b.InnerException is JsonException => "The request body is not valid JSON for this endpoint.",
            _ when parameter.Success => $"The value of '{parameter.Groups[1].Value}' is missing or not valid.",
            _ => "The request is malformed.",
        };
    }

    private const string InvalidCharacters = "The input contains characters that cannot be stored (e.g. a NUL character).";
}

/// <summary>Refusals that are about the request or the caller rather than a business rule.</summary>
public enum ProblemKind
{
    /// <summary>The caller's role or unit does not allow this: 403.</summary>
    Denied,

    /// <summary>Sign-in is missing, failed or no longer valid: 401.</summary>
    SignIn,

    /// <summary>The body is larger than the endpoint takes: 413.</summary>
    TooLarge,

    /// <summary>The body's media type is not one the endpoint reads: 415.</summary>
    MediaType,

    /// <summary>Too many requests from this caller: 429.</summary>
    TooMany,
}

/// <summary>
/// The one vocabulary of refusals: each <see cref="RuleKind"/> and <see cref="ProblemKind"/> has one status and one
/// title here, and every API answer, page status and field-sync item result is made from it.
/// </summary>
public static class Problems
{
    public static (int Status, string Title) Of(RuleKind kind) => kind switch
    {
        RuleKind.Invalid => (StatusCodes.Status400BadRequest, "Invalid input"),
        RuleKind.Conflict => (StatusCodes.Status409Conflict, "The record has changed"),
        RuleKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        _ => (StatusCodes.Status422UnprocessableEntity, "Not allowed by the rules"),
    };

    public static (int Status, string Title) Of(ProblemKind kind) => kind switch
    {
        ProblemKind.Denied => (StatusCodes.Status403Forbidden, "Not permitted"),
        ProblemKind.SignIn => (StatusCodes.Status401Unauthorized, "Sign-in required"),
        ProblemKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Request too large"),
        ProblemKind.MediaType => (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type"),
        _ => (StatusCodes.Status429TooManyRequests, "Too many requests"),
    };

    public static int StatusOf(RuleKind kind) => Of(kind).Status;

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Create(int status, string title, string detail, string code)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = TypeOf(code),
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Create(RuleKind kind, string code, string detail)
    {
        var (status, title) = Of(kind);
        return Create(status, title, detail, code);
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Create(ProblemKind kind, string code, string detail)
    {
        var (status, title) = Of(kind);
        return Create(status, title, detail, code);
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Create(DomainRuleException rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var problem = Create(rule.Kind, rule.Code, rule.Message);
        if (rule.Violations.Count > 0)
        {
            problem.Extensions["violations"] = rule.Violations;
        }

        return problem;
    }

    /// <summary><c>urn:motcua:problem:{code}</c>: the problem type of a code.</summary>
    public static string TypeOf(string code) => $"urn:motcua:problem:{code}";

    public static IResult Result(RuleKind kind, string code, string detail) => TypedResults.Problem(Create(kind, code, detail));

    public static IResult Result(ProblemKind kind, string code, string detail) => TypedResults.Problem(Create(kind, code, detail));

    public static IResult NotFound(string detail) => Result(RuleKind.NotFound, "not-found", detail);

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, type: TypeOf("validation"), title: Of(RuleKind.Invalid).Title);
}
