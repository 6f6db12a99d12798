
namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>The centre refused a call, or could not be reached.</summary>
public sealed class FieldServerException(string message, int status = 0, string? code = null, long? received = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status, or 0 when the centre could not be reached.</summary>
    public int Status { get; } = status;

    public string? Code { get; } = code;

    /// <summary>For an upload: the bytes the centre holds.</summary>
    public long? Received { get; } = received;

    public bool Unreachable => Status == 0 || Status >= 500 || Status == 429;
}
