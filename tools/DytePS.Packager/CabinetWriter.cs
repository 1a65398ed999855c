using System.Buffers.Binary;
using System.Text;

namespace DytePS.Packager;

/// <summary>
/// Writes a Microsoft cabinet (.cab) file with one folder of uncompressed ("none") data blocks:
/// the archive Update-Help reads on Windows (Windows PowerShell 5.1 and PowerShell 7 extract it
/// with the system's cabinet API, which reads every compression type including none). .NET has no
/// cabinet writer, and help files are small, so storing them is enough. Layout per the
/// Microsoft Cabinet Format specification: CFHEADER, one CFFOLDER, a CFFILE per file, then the
/// CFDATA blocks of at most 32 KiB each, checksums left at 0 (meaning "not computed").
/// </summary>
public static class CabinetWriter
{
    private const int MaxBlock = 32768;
    private const int HeaderSize = 36;
    private const int FolderSize = 8;
    private const int DataHeaderSize = 8;

    /// <summary>Writes <paramref name="files"/> (name in the cabinet, content) to <paramref name="stream"/>, all stamped with <paramref name="time"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<(string Name, byte[] Content)> files, DateTime time)
    {
        if (files.Count == 0 || files.Count > ushort.MaxValue) throw new ArgumentException("A cabinet holds 1 to 65535 files.", nameof(files));
        foreach (var (name, _) in files)
        {
            if (name.Length == 0 || name.Any(c => c > 0x7E || c < 0x20)) throw new ArgumentException($"'{name}' is not a printable ASCII file name.", nameof(files));
        }
        var data = files.SelectMany(f => f.Content).ToArray();
        var blocks = data.Length == 0 ? 1 : (data.Length + MaxBlock - 1) / MaxBlock;
        if (blocks > ushort.MaxValue) throw new ArgumentException("The files are too large for one cabinet folder.", nameof(files));
        var fileEntriesSize = files.Sum(f => 16 + Encoding.ASCII.GetByteCount(f.Name) + 1);
        var firstFile = HeaderSize + FolderSize;
        var firstData = firstFile + fileEntriesSize;
        var total = firstData + blocks * DataHeaderSize + data.Length;

        using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        // CFHEADER
        writer.Write("MSCF"u8);
        writer.Write(0u);                    // reserved1
        writer.Write((uint)total);           // cbCabinet
        writer.Write(0u);                    // reserved2
        writer.Write((uint)firstFile);       // coffFiles
        writer.Write(0u);                    // reserved3
        writer.Write((byte)3);               // versionMinor
        writer.Write((byte)1);               // versionMajor
        writer.Write((ushort)1);             // cFolders
        writer.Write((ushort)files.Count);   // cFiles
        writer.Write((ushort)0);             // flags: no previous or next cabinet, no reserved fields
        writer.Write((ushort)0x4450);        // setID ("DP")
        writer.Write((ushort)0);             // iCabinet
        // CFFOLDER
        writer.Write((uint)firstData);       // coffCabStart
        writer.Write((ushort)blocks);        // cCFData
        writer.Write((ushort)0);             // typeCompress: none
        // CFFILE entries
        var (date, clock) = DosDateTime(time);
        uint offset = 0;
        foreach (var (name, content) in files)
        {
            writer.Write((uint)content.Length);  // cbFile
            writer.Write(offset);                // uoffFolderStart
            writer.Write((ushort)0);             // iFolder
            writer.Write(date);
            writer.Write(clock);
            writer.Write((ushort)0x20);          // attribs: archive
            writer.Write(Encoding.ASCII.GetBytes(name));
            writer.Write((byte)0);
            offset += (uint)content.Length;
        }
        // CFDATA blocks
        for (var start = 0; start < data.Length || (start == 0 && data.Length == 0); start += MaxBlock)
        {
            var length = Math.Min(MaxBlock, data.Length - start);
            writer.Write(0u);                    // csum: not computed
            writer.Write((ushort)length);        // cbData
            writer.Write((ushort)length);        // cbUncomp
            writer.Write(data, start, length);
            if (data.Length == 0) break;
        }
    }

    /// <summary>The MS-DOS date and time a CFFILE carries (two-second resolution, 1980 to 2107).</summary>
    private static (ushort Date, ushort Time) DosDateTime(DateTime time)
    {
        var year = Math.Clamp(time.Year, 1980, 2107);
        var date = (ushort)(((year - 1980) << 9) | (time.Month << 5) | time.Day);
        var clock = (ushort)((time.Hour << 11) | (time.Minute << 5) | (time.Second / 2));
        return (date, clock);
    }
}
