
namespace MotCua.Web.Data.Quality;

/// <summary>The granularity of a summary row: one local day, or one calendar month (the row's period starts on the 1st).</summary>
public enum SummaryGranularity
{
    Day = 1,
    Month = 2,
}
