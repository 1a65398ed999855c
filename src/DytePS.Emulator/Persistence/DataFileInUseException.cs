namespace DytePS.Emulator.Persistence;

/// <summary>
/// Another emulator (or anything else) holds the data file's lock: two emulators on one file would
/// overwrite each other's acknowledged writes, so the second one does not start.
/// </summary>
public sealed class DataFileInUseException(string path, Exception? inner = null)
    : IOException($"--data {path}: the data file is in use by another emulator (its lock file {path}.lock is held); stop that one or use another file.", inner)
{
    public string DataFile { get; } = path;
}
