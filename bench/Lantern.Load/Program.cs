using Lantern.Load;

// Tools for measuring Lantern by hand. See bench/README.md.
//   generate --provider Sqlite --data-folder DIR      realistic volumes, fixed seed
//   generate --provider Postgres --connection STRING
//   submissions --app Lantern.dll --content-root src/Lantern   concerns through the app beside raw SQLite inserts
//   inbox --data-folder DIR --app Lantern.dll --content-root src/Lantern   the DSL inbox beside its raw SQL
//   matrix --data-folder DIR --app Lantern.dll --content-root src/Lantern   the training matrix against its SQL
//   crash --provider Sqlite|Postgres --app Lantern.dll --content-root src/Lantern [--kills 20] [--workers 4]
return args.FirstOrDefault() switch
{
    "generate" => await Generate.RunAsync(Arguments.Parse(args.Skip(1))),
    "matrix" => await MatrixBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "crash" => await Crash.RunAsync(Arguments.Parse(args.Skip(1))),
    "submissions" => await ConcernBench.RunAsync(Arguments.Parse(args.Skip(1))),
    "inbox" => await InboxBench.RunAsync(Arguments.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage:
          Lantern.Load generate --provider Sqlite --data-folder DIR [--organisations 1000] [--large-organisation-staff 10000] [--seed 2026] [--concerns 1000000]
          Lantern.Load generate --provider Postgres --connection "Host=127.0.0.1;Port=5432;Username=postgres;Database=lantern_bench"
          Lantern.Load matrix --data-folder DIR --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern [--runs 10] [--export-runs 5] [--targets pages,csv,xlsx] [--warm-up false]
          Lantern.Load crash --provider Sqlite|Postgres --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern [--kills 20] [--workers 4] [--seed 2026]
          Lantern.Load submissions --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern [--clients 16] [--concerns 800] [--raw 2000]
          Lantern.Load inbox [--provider Postgres --connection STRING] --data-folder DIR --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern [--requests 300] [--page 100] [--email person2@org1.example]
        """);
    return 2;
}
