namespace MotCua.Domain.Dossiers;

/// <summary>Dossier states with the national portal's sync codes 1–10. "Overdue" is not a state: it is computed.</summary>
public enum DossierStatus
{
    /// <summary>1: registered online, not yet accepted by an officer.</summary>
    NewlyRegistered = 1,

    /// <summary>2: received; the time limit runs.</summary>
    Received = 2,

    /// <summary>3: not accepted (refused at reception).</summary>
    NotAccepted = 3,

    /// <summary>4: being processed by a specialist.</summary>
    Processing = 4,

    /// <summary>5: waiting for the citizen to supplement the dossier; the clock is paused.</summary>
    SupplementRequested = 5,

    /// <summary>6: waiting for the citizen to pay a fee or fulfil a financial obligation.</summary>
    AwaitingPayment = 6,

    /// <summary>7: withdrawn at the citizen's request.</summary>
    Withdrawn = 7,

    /// <summary>8: processing stopped (refused, or stopped under the law).</summary>
    Stopped = 8,

    /// <summary>9: processed; the result is ready to collect.</summary>
    Processed = 9,

    /// <summary>10: the result has been returned to the citizen.</summary>
    ResultReturned = 10,
}

/// <summary>What can happen to a dossier. <see cref="Register"/> and <see cref="Receive"/> only open a dossier's history.</summary>
public enum DossierAction
{
    Register = 0,
    Receive = 1,
    Accept = 2,
    Decline = 3,
    StartProcessing = 4,
    HandOver = 5,
    RequestSupplement = 6,
    SupplementReceived = 7,
    RequestPayment = 8,
    PaymentReceived = 9,
    Complete = 10,
    ReturnResult = 11,
    Withdraw = 12,
    Stop = 13,

    /// <summary>A late (or soon late) dossier: the centre apologises and promises a new date (form 04). The legal due date does not move.</summary>
    Apologise = 14,
}

public static class DossierStatusRules
{
    /// <summary>Processing ends at the first of: processed, returned, stopped/refused, withdrawn (and not accepted).</summary>
    public static bool IsEnded(this DossierStatus status) =>
        status is DossierStatus.NotAccepted or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.Processed or DossierStatus.ResultReturned;

    /// <summary>States in which the centre still owes the citizen a result.</summary>
    public static bool IsOpen(this DossierStatus status) => !status.IsEnded() || status == DossierStatus.Processed;
}
