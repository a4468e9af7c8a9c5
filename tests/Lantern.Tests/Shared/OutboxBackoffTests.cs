using Lantern.Mail;

namespace Lantern.Tests.Shared;

/// <summary>The outbox waits longer after each failure to send, up to a cap, and never gives up.</summary>
public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(1000, 3600)]
    public void Each_failure_doubles_the_wait_up_to_an_hour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxWorker.Backoff(failures, new MailOptions()));
}
