using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DytePS.Emulator.Control;

/// <summary>
/// A recording's file: deterministic pseudo-random bytes derived from the recording id (SHA-256
/// of id and block number, 32 bytes per block), generated as read. Seekable, so range requests
/// work without holding the file in memory.
/// </summary>
public sealed class RecordingFileStream(Guid recordingId, long length) : Stream
{
    private const int BlockSize = 32;

    private readonly byte[] _seed = recordingId.ToByteArray();
    private readonly byte[] _block = new byte[BlockSize];
    private long _blockIndex = -1;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Max(0, Math.Min(buffer.Length, length - _position));
        for (var done = 0; done < count;)
        {
            var offset = (int)(_position % BlockSize);
            Fill(_position / BlockSize);
            var n = Math.Min(BlockSize - offset, count - done);
            _block.AsSpan(offset, n).CopyTo(buffer[done..]);
            done += n;
            _position += n;
        }
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Fill(long blockIndex)
    {
        if (blockIndex == _blockIndex) return;
        Span<byte> input = stackalloc byte[24];
        _seed.CopyTo(input);
        BinaryPrimitives.WriteInt64LittleEndian(input[16..], blockIndex);
        SHA256.HashData(input, _block);
        _blockIndex = blockIndex;
    }
}
