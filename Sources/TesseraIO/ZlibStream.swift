internal import CLibZ

/// The one owner of zlib in the package: a gzip inflater or deflater over caller-given buffers.
///
/// The `z_stream` lives at a fixed address for the life of the object (zlib keeps a pointer back
/// to it) and is freed in `deinit`. ``GzipInput`` and ``OutputFile`` drive it; nothing else calls
/// zlib.
///
/// - SeeAlso: [zlib manual](https://zlib.net/manual.html), [gzip, RFC 1952](https://www.rfc-editor.org/rfc/rfc1952)
final class ZlibStream {
    /// Which way the stream goes.
    enum Direction {
        /// gzip data in, plain bytes out.
        case inflate
        /// Plain bytes in, gzip data out, at a compression level 1 to 9.
        case deflate(level: Int)
    }

    /// What one ``process(_:into:finish:)`` call did.
    struct Step {
        /// Input bytes consumed.
        var consumed: Int
        /// Output bytes produced.
        var produced: Int
        /// Whether the end of the (current) gzip member was reached.
        var ended: Bool
    }

    /// The gzip window: 15 bits, plus 16 for a gzip wrapper (RFC 1952) instead of zlib's.
    private static let gzipWindowBits: Int32 = 15 + 16

    private let stream: UnsafeMutablePointer<z_stream>
    private let direction: Direction

    /// Sets up the stream.
    ///
    /// - Throws: a message when zlib cannot be initialised (out of memory).
    init(_ direction: Direction) throws(ZlibFailure) {
        self.direction = direction
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status: Int32
        switch direction {
        case .inflate: status = clibz_inflate_init(stream, Self.gzipWindowBits)
        case .deflate(let level): status = clibz_deflate_init(stream, Int32(level), Self.gzipWindowBits)
        }
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ZlibFailure(message: "zlib could not start (status \(status))")
        }
    }

    deinit {
        switch direction {
        case .inflate: inflateEnd(stream)
        case .deflate: deflateEnd(stream)
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Runs zlib once over `input`, writing into `output`.
    ///
    /// - Parameters:
    ///   - input: the bytes to consume (may be empty).
    ///   - output: where to write.
    ///   - finish: for a deflater, whether `input` is the last of the data (writes the trailer).
    /// - Throws: ``ZlibFailure`` for invalid compressed data.
    func process(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, finish: Bool = false)
        throws(ZlibFailure) -> Step
    {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status: Int32
        switch direction {
        case .inflate: status = inflate(stream, Z_NO_FLUSH)
        case .deflate: status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
        }
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in), produced: output.count - Int(stream.pointee.avail_out),
            ended: status == Z_STREAM_END)
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR: return step
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
            throw ZlibFailure(message: reason)
        }
    }

    /// Starts a new gzip member after the end of the previous one (inflate only).
    func reset() { inflateReset(stream) }
}

/// A zlib error: the message zlib gave ("invalid block type", "incorrect data check").
struct ZlibFailure: Error {
    /// zlib's message.
    var message: String
}
