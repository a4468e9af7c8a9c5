using System.Diagnostics;
using System.Net;
using Lantern.Accounts.Users;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>
/// The disk under the SQLite database full (a small tmpfs mounted for the test, its free space taken by a
/// filler file): the person gets "has not been saved" (503) with every word they wrote, nothing is
/// half-saved, and once space is freed the same draft sends once.
/// </summary>
public sealed class DiskFullTests(DiskFullTests.SqliteOnSmallDisk app) : IClassFixture<DiskFullTests.SqliteOnSmallDisk>
{
    [Fact]
    public async Task A_full_disk_keeps_every_word_and_the_concern_sends_once_when_there_is_room()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var journey = new ConcernJourney(learner);
        await journey.ReadyToSendAsync("Dora Diskfull");
        var step = await learner.GetPageAsync(journey.StepPath("what-happened"));
        const string words = "He was collected from school in a car nobody knew. This must survive a full disk.";

        var filler = app.FillDisk();
        using (var refused = await learner.SubmitAsync(step, $"main form[method='post'][action='{journey.StepPath("what-happened")}']",
            ConcernJourney.WhatHappened(text: words)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Contains("has not been saved", page.Text("main"), StringComparison.Ordinal);
            Assert.Contains(words, page.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        }

        using (var refused = await journey.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        File.Delete(filler);
        Assert.Equal(0, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
        using var sent = await journey.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await ConcernData.WithDbAsync(app, db => db.Concerns.CountAsync(c => c.IdempotencyKey == journey.DraftId)));
    }

    /// <summary>Lantern on SQLite whose data folder is a 64 MB tmpfs of its own.</summary>
    public sealed class SqliteOnSmallDisk : LanternApp
    {
        public SqliteOnSmallDisk()
            : base(DatabaseProvider.Sqlite) => Run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", DataFolder);

        /// <summary>Empties the write-ahead log into the database, then takes every free byte; returns the filler's path.</summary>
        public string FillDisk()
        {
            using (var connection = new SqliteConnection(ConnectionString))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            var filler = Path.Combine(DataFolder, "filler");
            var chunk = new byte[1024 * 1024];
            using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                chunk = new byte[4096];
            }

            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                return filler;
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", DataFolder);
            GC.SuppressFinalize(this);
        }

        private static void Run(string command, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"Could not start {command}.");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {error} This test mounts a small tmpfs and needs to run as root.");
            }
        }
    }
}
