using System.Text;

namespace NomadWasm.Spin.Capabilities;

/// <summary>
/// A write-only stream for a guest's stdout or stderr that forwards lines to the runtime log,
/// prefixed there with the component id. Per-request streams keep a partial line until the next
/// newline or dispose; a shared stream (<paramref name="shared"/>, one per component, used by
/// concurrent instances) emits every write at once, a trailing partial line as a line of its own.
/// </summary>
internal sealed class GuestOutputStream : Stream
{
    private const int MaxLine = 16 * 1024;

    private readonly IRuntimeLog _log;
    private readonly string _componentId;
    private readonly bool _isStderr;
    private readonly MemoryStream _pending = new();

    private readonly bool _shared;

    public GuestOutputStream(IRuntimeLog log, string componentId, bool isStderr, bool shared = false)
    {
        _log = log;
        _componentId = componentId;
        _isStderr = isStderr;
        _shared = shared;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_shared)
        {
            WriteShared(buffer);
            return;
        }

        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _pending.Write(buffer);
                if (_pending.Length >= MaxLine)
                {
                    Emit();
                }

                return;
            }

            _pending.Write(buffer[..newline]);
            Emit();
            buffer = buffer[(newline + 1)..];
        }
    }

    public override void Flush()
    {
    }

    private void WriteShared(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            var line = newline < 0 ? buffer : buffer[..newline];
            _log.GuestLine(_componentId, _isStderr, Encoding.UTF8.GetString(line).TrimEnd('\r'));
            buffer = newline < 0 ? [] : buffer[(newline + 1)..];
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _pending.Length > 0)
        {
            Emit();
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        var line = Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length).TrimEnd('\r');
        _pending.SetLength(0);
        _log.GuestLine(_componentId, _isStderr, line);
    }
}
