/// An input file opened for reading by what it holds: the one place that identifies a file by its
/// first bytes and decodes it.
///
/// - gzip data (`.tmx.gz`) is inflated as it is read (zlib, ``ZlibStream``);
/// - a zip archive (OmegaT's `.tmx.zip`) is read through ZIPFoundation: its one document entry is
///   extracted as it is read (see ``ZipEntryInput`` for the choice of entry);
/// - anything else is read as it is.
///
/// The decoded content is identified too (``content``): a reader that wants XML refuses bzip2,
/// xz, a database or TSV with one sentence saying what the file is, before parsing anything. The
/// name of the file plays no part.
///
/// ```swift
/// let input = try InputFile(path: "project_save.tmx.zip")
/// input.container   // .zip
/// input.content     // .xml
/// var buffer = [UInt8](repeating: 0, count: 65536)
/// let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
/// ```
///
/// - Complexity: memory O(1) in the file size (64 KiB buffers; a zip entry queues at most 1 MiB).
package final class InputFile {
    /// The path given.
    package let path: String
    /// The container decoded: `.gzip` or `.zip`, `nil` for a file read as it is.
    package let container: FileKind?
    /// What the decoded bytes are (`.xml` for a TMX file, zipped or not).
    package let content: FileKind
    /// The zip entry read, for a zip archive.
    package let entryName: String?
    /// The first error ``read(into:)`` threw, kept for callers that read through C callbacks.
    package private(set) var failure: FileError?

    /// The decoded bytes, the ones read ahead to identify the content first.
    private let reader: PrefixedReader

    /// The document extensions a zip archive is searched for, in the order of the message.
    package static let documentExtensions = ["tmx", "tbx", "xml"]

    /// Opens `path`, identifies it and, for gzip and zip, its decoded content.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - extensions: for a zip archive, the extensions of the entry to read (lower case).
    /// - Throws: ``FileError``: `notFound`, `isDirectory`, `unreadable`; `corrupt` or `truncated`
    ///   for damaged gzip or zip data; `archiveContent` for a zip without one document.
    package init(path: String, extensions: [String] = InputFile.documentExtensions) throws(FileError) {
        self.path = path
        let file = try FileByteReader(path: path)
        let head = try Self.readPrefix(file)
        let outer = FileKind.identify(head)
        let inner: any ByteReader
        switch outer {
        case .gzip:
            inner = try GzipInput(source: PrefixedReader(prefix: head, rest: file), path: path)
            container = .gzip
            entryName = nil
        case .zip:
            file.close()
            let zip = try ZipEntryInput(path: path, extensions: extensions)
            inner = zip
            container = .zip
            entryName = zip.entryName
        default:
            reader = PrefixedReader(prefix: head, rest: file)
            container = nil
            entryName = nil
            content = outer
            return
        }
        let decoded: [UInt8]
        do {
            decoded = try Self.readPrefix(inner)
        } catch {
            inner.close()
            throw error
        }
        reader = PrefixedReader(prefix: decoded, rest: inner)
        content = FileKind.identify(decoded)
    }

    deinit { reader.close() }

    /// What the file at `path` is, from its first bytes, without decoding it (`.gzip`, `.zip`,
    /// `.xml`, `.bzip2`...).
    ///
    /// - Throws: ``FileError`` `notFound`, `isDirectory` or `unreadable`.
    package static func identify(path: String) throws(FileError) -> FileKind {
        let file = try FileByteReader(path: path)
        defer { file.close() }
        return FileKind.identify(try readPrefix(file))
    }

    /// Reads the next bytes into `buffer`; `0` at the end.
    ///
    /// - Throws: ``FileError`` `truncated` or `corrupt` when compressed data stops early or is
    ///   damaged, `unreadable` on an I/O error. The error is also kept in ``failure``.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        do {
            return try reader.read(into: buffer)
        } catch {
            if failure == nil { failure = error }
            throw error
        }
    }

    /// Releases the file now rather than when the object goes.
    package func close() { reader.close() }

    /// The description of the file for a message: "a bzip2-compressed file", or "plain text
    /// (gzip-compressed)" for decoded content.
    package var contentDescription: String {
        guard let container else { return content.description }
        return "\(content.description) (inside \(container.description))"
    }

    /// Up to ``FileKind/prefixLength`` bytes from the start of `reader`.
    private static func readPrefix(_ reader: any ByteReader) throws(FileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: FileKind.prefixLength)
        var filled = 0
        while filled < bytes.count {
            let count = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(FileError) in
                    try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                }
            }.get()
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

/// Bytes already read, then the rest of a reader.
private final class PrefixedReader: ByteReader {
    private var prefix: [UInt8]
    private var start = 0
    private let rest: any ByteReader

    init(prefix: [UInt8], rest: any ByteReader) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        if start < prefix.count {
            let count = min(buffer.count, prefix.count - start)
            prefix.withUnsafeBytes { bytes in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]))
            }
            start += count
            return count
        }
        return try rest.read(into: buffer)
    }

    func close() { rest.close() }
}
