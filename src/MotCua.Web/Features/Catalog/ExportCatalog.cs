using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Catalog;

/// <summary>The catalogue in the exchange format: every procedure with all its dated versions (the API's export, a field kit's copy).</summary>
public static class ExportCatalog
{
    public static CatalogDocument Document(IEnumerable<Procedure> procedures) => new([.. procedures.Select(CatalogMapping.ToDocument)]);
}
