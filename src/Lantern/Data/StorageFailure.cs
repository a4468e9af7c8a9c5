using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Data;

/// <summary>
/// Whether an exception means the database could not be reached or could not write (stopped, locked,
/// full, timed out), as against a fault in Lantern itself. Such a failure loses nothing the person
/// typed: they are told it was not saved and shown their words again.
/// </summary>
public static class StorageFailure
{
    public static bool Is(Exception e) =>
        e is DbException or DbUpdateException or TimeoutException or IOException
        || (e is InvalidOperationException && e.InnerException is DbException or TimeoutException or IOException);
}
