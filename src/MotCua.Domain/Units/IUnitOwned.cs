namespace MotCua.Domain.Units;

/// <summary>Data that belongs to one unit. Staff of another unit never see it (the data layer filters on it).</summary>
public interface IUnitOwned
{
    Guid UnitId { get; }
}
