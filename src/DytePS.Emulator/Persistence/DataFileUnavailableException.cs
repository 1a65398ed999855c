namespace DytePS.Emulator.Persistence;

/// <summary>
/// A write could not be committed to the data file (another process holds its lock past the busy
/// timeout, the disk is full, ...). The organization was put back as the file has it, so the write
/// changed nothing; the request answers 503 (see Infrastructure.ApiProblemMiddleware).
/// </summary>
public sealed class DataFileUnavailableException(Exception inner)
    : Exception("The data file could not be written (it is locked by another process, or the disk refused the write); the request changed nothing. Try again.", inner);
