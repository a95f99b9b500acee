/// The decompressed content of gzip data, inflated as it is read (constant memory); several
/// concatenated gzip members (`cat a.gz b.gz`) read as one stream, as `gunzip` does.
///
/// Data that stops before the end of a member is reported as ``FileError/Kind-swift.enum/truncated``
/// ("the gzip data ends early"), invalid data as ``FileError/Kind-swift.enum/corrupt``.
final class GzipInput: ByteReader {
    private let source: any ByteReader
    private let path: String
    private let zlib: ZlibStream
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// Whether the last member's end was reached and nothing followed yet.
    private var atMemberEnd = false
    private var finished = false

    /// Inflates the bytes of `source` (positioned at the start of the gzip data).
    init(source: any ByteReader, path: String) throws(FileError) {
        self.source = source
        self.path = path
        do {
            zlib = try ZlibStream(.inflate)
        } catch {
            throw FileError(kind: .unreadable, message: error.message, file: path, detected: .gzip)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        while !finished {
            if start == end {
                try refill()
                if start == end {
                    finished = true
                    if atMemberEnd { return 0 }
                    throw FileError(kind: .truncated, message: "the gzip data ends early", file: path, detected: .gzip)
                }
            }
            if atMemberEnd {
                // More bytes after a member: another member (gzip magic) or trailing garbage, ignored.
                guard input[start] == 0x1F else {
                    finished = true
                    return 0
                }
                zlib.reset()
                atMemberEnd = false
            }
            let step: ZlibStream.Step
            do {
                step = try input.withUnsafeBytes { bytes in
                    Result { () throws(ZlibFailure) in
                        try zlib.process(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), into: buffer)
                    }
                }.get()
            } catch {
                finished = true
                throw FileError(
                    kind: .corrupt, message: "the gzip data is damaged (\(error.message))", file: path, detected: .gzip)
            }
            start += step.consumed
            if step.ended { atMemberEnd = true }
            if step.produced > 0 { return step.produced }
            if step.consumed == 0 && !step.ended && start < end {
                // No progress with input left cannot happen with valid data; never spin.
                finished = true
                throw FileError(kind: .corrupt, message: "the gzip data is damaged", file: path, detected: .gzip)
            }
        }
        return 0
    }

    private func refill() throws(FileError) {
        start = 0
        end = 0
        guard !sourceEnded else { return }
        end = try input.withUnsafeMutableBytes { bytes in
            Result { () throws(FileError) in try source.read(into: bytes) }
        }.get()
        if end == 0 { sourceEnded = true }
    }

    func close() { source.close() }
}
