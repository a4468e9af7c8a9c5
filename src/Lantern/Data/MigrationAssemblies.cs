using System.Runtime.Loader;

namespace Lantern.Data;

/// <summary>
/// The migration assemblies reference this one, so they are built after it and copied beside it
/// (see Lantern.csproj) rather than listed in its dependency manifest. Let the runtime find them there.
/// </summary>
public static class MigrationAssemblies
{
    private static int s_registered;

    public static void LoadFromAppFolder()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not ("Lantern.Migrations.Sqlite" or "Lantern.Migrations.Postgres"))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
