#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TesseraMatching

/// An append-only array of fixed-width integers kept in a temporary file, written through a small
/// buffer: how ``MatchIndexSpool`` holds the columns of an index being built without holding them
/// in memory. The file is unlinked as soon as it is open (the descriptor keeps it), so it never
/// outlives the process, even one that is killed.
///
/// ```swift
/// let column = try SpoolColumn<UInt32>(path: "/tmp/x.col")
/// try column.append(7)
/// var reader = try column.reader()
/// reader.next()   // 7
/// ```
final class SpoolColumn<Element: FixedWidthInteger> {
    /// The path the file was created at (unlinked at once; kept for error messages).
    let path: String
    private let descriptor: Int32
    private var pending: [Element] = []
    /// The number of elements, buffered ones included.
    private(set) var count = 0
    /// Elements buffered before a write (512 KiB of `UInt64`).
    static var bufferCapacity: Int { 1 << 16 }

    /// Creates (or truncates) the file at `path` and unlinks it at once: the column lives in an
    /// anonymous file that the system frees when the descriptor closes or the process ends.
    /// - Throws: ``MatchingError`` `cannotWrite` when the file cannot be created.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw MatchingError(.cannotWrite, "Cannot create a temporary file of the match index.", context: path)
        }
        unlink(path)
        pending.reserveCapacity(Self.bufferCapacity)
    }

    deinit {
        close(descriptor)
    }

    /// Appends one element.
    /// - Throws: ``MatchingError`` `cannotWrite` when the buffer cannot be written (disk full).
    @inline(__always) func append(_ element: Element) throws {
        pending.append(element)
        count += 1
        if pending.count >= Self.bufferCapacity { try flush() }
    }

    /// Appends elements.
    func append(contentsOf elements: some Collection<Element>) throws {
        for element in elements { try append(element) }
    }

    /// Writes the buffered elements to the file.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let offset = (count - pending.count) * MemoryLayout<Element>.size
        try pending.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(offset + written))
                guard result > 0 else {
                    throw MatchingError(.cannotWrite, "Cannot write a temporary file of the match index (disk full?).", context: path)
                }
                written += result
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Drops the elements from position `newCount` on (an undone import file).
    func truncate(to newCount: Int) throws {
        guard newCount < count else { return }
        try flush()
        guard ftruncate(descriptor, off_t(newCount * MemoryLayout<Element>.size)) == 0 else {
            throw MatchingError(.cannotWrite, "Cannot shorten a temporary file of the match index.", context: path)
        }
        count = newCount
    }

    /// A sequential reader from the first element (flushes first).
    func reader() throws -> SpoolColumnReader<Element> {
        try flush()
        return SpoolColumnReader(descriptor: descriptor, count: count, path: path)
    }
}

/// Reads a ``SpoolColumn`` from the start in chunks (`pread`, so several readers of one file can
/// run side by side and nothing is mapped).
struct SpoolColumnReader<Element: FixedWidthInteger> {
    private let descriptor: Int32
    private let path: String
    /// The number of elements in the column.
    let count: Int
    private var chunk: [Element] = []
    private var index = 0
    private var nextPosition = 0
    /// Elements read per `pread`.
    static var chunkCapacity: Int { 1 << 15 }

    init(descriptor: Int32, count: Int, path: String) {
        self.descriptor = descriptor
        self.count = count
        self.path = path
    }

    /// The next element, or `nil` at the end (also when the file cannot be read: the caller
    /// compares the elements read with ``count``).
    @inline(__always) mutating func next() -> Element? {
        if index < chunk.count {
            index += 1
            return chunk[index - 1]
        }
        return refill() ? next() : nil
    }

    private mutating func refill() -> Bool {
        let wanted = min(Self.chunkCapacity, count - nextPosition)
        guard wanted > 0 else { return false }
        let size = MemoryLayout<Element>.size
        let offset = nextPosition * size
        var failed = false
        chunk = [Element](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < wanted * size {
                let result = pread(descriptor, raw.baseAddress! + done, wanted * size - done, off_t(offset + done))
                guard result > 0 else { failed = true; break }
                done += result
            }
            initialized = failed ? 0 : wanted
        }
        guard !failed else { return false }
        index = 0
        nextPosition += wanted
        return true
    }
}
