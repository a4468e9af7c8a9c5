using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// The app with its data folder on a 64 MB tmpfs of its own, so a test can fill the disk under the
/// database and free it again. Mounting needs root, as the test machines run.
/// </summary>
public sealed class SmallDiskApp : LanternProcess
{
    private string? _filler;

    public SmallDiskApp()
    {
        Directory.CreateDirectory(DataFolder);
        Run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", DataFolder);
    }

    /// <summary>Empties the write-ahead log into the database, then takes every free byte of the disk.</summary>
    public void FillDisk()
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, "lantern.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        _filler = Path.Combine(DataFolder, "filler");
        using var stream = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        foreach (var size in new[] { 1024 * 1024, 4096 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // Full at this size: the smaller chunk takes what is left.
            }
        }
    }

    public void FreeDisk()
    {
        if (_filler is not null)
        {
            File.Delete(_filler);
        }
    }

    protected override void Stopped() => Run("umount", "-l", DataFolder);

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"Could not start {command}.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {error} This fixture mounts a small tmpfs and needs root.");
        }
    }
}
