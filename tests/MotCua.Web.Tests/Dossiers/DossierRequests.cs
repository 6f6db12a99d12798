using MotCua.Domain.Catalog;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Tests.Dossiers;

internal static class DossierRequests
{
    public static ReceiveDossierRequest Birth(string unit, Guid? clientId = null, Channel channel = Channel.Counter, string? receivedAt = null, string procedure = "1.001193") =>
        new(clientId ?? Guid.NewGuid(), procedure, unit, channel,
            new ApplicantRequest("093080001234", "Nguyễn Văn Hoà", "0912345678", "Ấp Phú Thuận A", null), receivedAt);
}
