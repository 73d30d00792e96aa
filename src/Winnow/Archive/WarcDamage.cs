namespace Winnow.Archive;

/// <summary>
/// A stretch of an archive that could not be read as records: where it starts in the file (for a gzip
/// archive, the compressed offset of the member it lies in) and why. Records after it may still have been read.
/// </summary>
public sealed record WarcDamage(long Offset, string Reason);
