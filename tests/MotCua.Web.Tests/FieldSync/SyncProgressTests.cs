using MotCua.Web.Features.FieldSync.Laptop;


namespace MotCua.Web.Tests.FieldSync;

public sealed class SyncProgressTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 7, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Percent_IsEmptyBeforeAnyRun_FollowsARun_AndIsFullAfterARunWithNothingToSend()
    {
        Assert.Equal(0, SyncProgress.Idle.Percent); // "never synced" must not look finished
        Assert.Equal(0, new SyncProgress(true, 0, 0, 0, 0, null, At, null).Percent);
        Assert.Equal(33, new SyncProgress(true, 6, 2, 0, 0, null, At, null).Percent);
        Assert.Equal(100, new SyncProgress(false, 6, 6, 0, 0, null, At, At.AddMinutes(1)).Percent);
        Assert.Equal(100, new SyncProgress(false, 0, 0, 0, 0, null, At, At.AddSeconds(2)).Percent);
    }
}
