using System.Security.Cryptography;
using Lantern.Data;
using Microsoft.Extensions.Options;

namespace Lantern.Security.Encryption;

/// <summary>
/// The master keys that wrap every data key: read from a file or the environment, never the database.
/// The last key is current and seals new values; older keys still open what they sealed.
/// </summary>
public sealed partial class MasterKeyRing
{
    public const string DefaultKeyFileName = "master.keys";

    private readonly Lock _gate = new();
    private readonly string? _file;
    private readonly TimeProvider _clock;
    private List<MasterKey> _keys;

    public MasterKeyRing(IOptions<EncryptionOptions> options, IOptions<LanternOptions> lantern, TimeProvider clock, ILogger<MasterKeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lantern);
        ArgumentNullException.ThrowIfNull(logger);
        _clock = clock;
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Keys))
        {
            FromEnvironment = true;
            _keys = settings.Keys.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => MasterKey.Parse(k, "Lantern:Encryption:Keys"))
                .ToList();
            if (_keys.Count == 0)
            {
                throw new InvalidOperationException("Lantern:Encryption:Keys holds no key.");
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(settings.KeyFile))
        {
            _file = Path.GetFullPath(settings.KeyFile);
            if (!File.Exists(_file))
            {
                throw new InvalidOperationException($"The master key file {_file} (Lantern:Encryption:KeyFile) does not exist. Create it with 'Lantern keys rotate --Lantern:Encryption:KeyFile={_file}' or correct the setting.");
            }

            _keys = ReadFile(_file);
            return;
        }

        _file = Path.Combine(lantern.Value.DataFolderFullPath, "keys", DefaultKeyFileName);
        if (!File.Exists(_file))
        {
            _keys = [NewKey()];
            WriteFile(_file, _keys);
            LogCreated(logger, _file);
        }
        else
        {
            _keys = ReadFile(_file);
            LogInDataFolder(logger, _file);
        }
    }

    /// <summary>The keys came from <c>Lantern:Encryption:Keys</c>: rotation cannot write them back.</summary>
    public bool FromEnvironment { get; }

    /// <summary>The key file, when the keys are in one.</summary>
    public string? KeyFile => _file;

    public MasterKey Current
    {
        get
        {
            lock (_gate)
            {
                return _keys[^1];
            }
        }
    }

    public IReadOnlyList<MasterKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return _keys;
            }
        }
    }

    public MasterKey? Find(string id)
    {
        lock (_gate)
        {
            return _keys.LastOrDefault(k => k.Id == id);
        }
    }

    /// <summary>
    /// Adds a new master key, which becomes current. With a key file, the file is rewritten (atomically) with
    /// it appended; with keys from the environment only this process uses it until the setting is changed.
    /// </summary>
    public MasterKey Rotate()
    {
        lock (_gate)
        {
            var key = NewKey();
            var keys = _keys.Append(key).ToList();
            if (!FromEnvironment && _file is not null)
            {
                WriteFile(_file, keys);
            }

            _keys = keys;
            return key;
        }
    }

    private MasterKey NewKey()
    {
        // Time-ordered ids read well in a key file and never repeat: the date, then random hex.
        var id = "k" + _clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return new MasterKey(id, RandomNumberGenerator.GetBytes(MasterKey.KeyBytes));
    }

    private static List<MasterKey> ReadFile(string file)
    {
        var keys = File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => MasterKey.Parse(l, file))
            .ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"The master key file {file} holds no key.");
        }

        return keys;
    }

    private static void WriteFile(string file, IEnumerable<MasterKey> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        var text = "# Lantern master keys: id:base64-key, the last line is current. Keep a copy apart from database backups.\n"
            + string.Concat(keys.Select(k => k.ToLine() + "\n"));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No master key was configured, so one was created in {File}. In production set Lantern:Encryption:KeyFile (or Lantern:Encryption:Keys) to a key kept apart from the database and its backups.")]
    private static partial void LogCreated(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The master key is read from {File}, in the data folder beside the database. In production set Lantern:Encryption:KeyFile (or Lantern:Encryption:Keys) to a key kept apart from the database and its backups.")]
    private static partial void LogInDataFolder(ILogger logger, string file);
}
