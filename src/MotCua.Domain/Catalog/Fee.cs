namespace MotCua.Domain.Catalog;

public enum FeeKind
{
    /// <summary>No fee.</summary>
    Free = 0,

    /// <summary>Free when registered within the legal period (e.g. birth registration within 60 days); <see cref="Fee.Amount"/> applies otherwise.</summary>
    FreeIfOnTime = 1,

    /// <summary>A fixed amount per dossier, optionally lower when filed online.</summary>
    Fixed = 2,

    /// <summary>Per page: <see cref="Fee.Amount"/> for each of the first <see cref="Fee.FirstPages"/> pages, <see cref="Fee.NextPageAmount"/> after, capped at <see cref="Fee.Cap"/> (certified copies).</summary>
    PerPage = 3,

    /// <summary>Per copy requested.</summary>
    PerCopy = 4,

    /// <summary>Set by the province's People's Council; <see cref="Fee.Amount"/> holds the local figure.</summary>
    SetByProvince = 5,
}

/// <summary>A procedure's fee or charge (phí, lệ phí), in đồng.</summary>
public sealed record Fee(
    FeeKind Kind,
    long Amount = 0,
    long? OnlineAmount = null,
    int FirstPages = 0,
    long NextPageAmount = 0,
    long? Cap = null)
{
    public static readonly Fee None = new(FeeKind.Free);

    /// <summary>True when dossiers of this procedure normally carry a fee (the denominator of the online-payment indicator).</summary>
    public bool IsCharged => Kind switch
    {
        FeeKind.Fixed or FeeKind.PerCopy or FeeKind.PerPage or FeeKind.SetByProvince => Amount > 0,
        _ => false,
    };

    /// <summary>The amount due for <paramref name="units"/> pages or copies (1 for a per-dossier fee).</summary>
    public long AmountFor(Channel channel, int units = 1, bool late = false)
    {
        if (units < 1)
        {
            units = 1;
        }

        long amount = Kind switch
        {
            FeeKind.Free => 0,
            FeeKind.FreeIfOnTime => late ? Amount : 0,
            FeeKind.Fixed or FeeKind.SetByProvince => channel == Channel.Online && OnlineAmount is { } online ? online : Amount,
            FeeKind.PerCopy => Amount * units,
            FeeKind.PerPage => (Amount * Math.Min(units, FirstPages)) + (NextPageAmount * Math.Max(0, units - FirstPages)),
            _ => 0,
        };
        return Cap is { } cap && amount > cap ? cap : amount;
    }

    public void Validate()
    {
        if (Amount < 0 || OnlineAmount < 0 || NextPageAmount < 0 || Cap < 0 || FirstPages < 0)
        {
            throw new DomainRuleException("catalog.fee-invalid", "Fee amounts cannot be negative.", RuleKind.Invalid);
        }

        if (Kind == FeeKind.PerPage && FirstPages == 0 && NextPageAmount == 0)
        {
            throw new DomainRuleException("catalog.fee-invalid", "A per-page fee needs a page price.", RuleKind.Invalid);
        }
    }
}
