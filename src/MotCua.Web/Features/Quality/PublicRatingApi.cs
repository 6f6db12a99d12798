using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// A citizen rates a dossier's service without signing in, with the receipt's number and secret. Rate limited per
/// address like the dossier lookup; a wrong secret and an unknown number answer the same 404.
/// </summary>
public static class PublicRatingApi
{
    public static void MapPublicRatingApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/public/dossiers").WithTags("Public").AllowAnonymous().RequireRateLimiting(Hardening.PublicRateLimit);
        dossiers.MapPost("/{number}/rating", RateAsync).WithName("RateDossier")
            .WithSummary("Rates the service of a dossier whose result is ready or returned (like/dislike, 1–5 answers, comment). One per dossier: again replaces it.")
            .Produces<RatingResponse>().Produces<RatingResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> RateAsync(string number, [FromBody] RatingRequest? request, MotCuaDb db, TimeProvider time, FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        if (throttle.SecretWait(http) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var errors = new ValidationErrors();
        var input = RateDossier.Validate(number, request, errors);
        if (input is null)
        {
            return errors.ToResult();
        }

        var outcome = await RateDossier.ExecuteAsync(input, db, time, ct);
        if (outcome is null)
        {
            throttle.SecretFailed(http);
            return Problems.NotFound("No dossier matches this number and secret. Check both on your receipt.");
        }

        var r = outcome.Rating;
        var body = new RatingResponse(outcome.Number, r.Satisfied, r.Guidance, r.Attitude, r.Speed, r.Comment, r.Source, Domain.Calendar.WorkingCalendar.ToLocal(r.RatedAt), outcome.Replaced);
        return outcome.Replaced ? TypedResults.Ok(body) : TypedResults.Created($"/api/public/dossiers/{outcome.Number}/rating", body);
    }
}
