internal import Foundation
internal import ZIPFoundation

/// An output file written front to back, compressed as its name says: `NAME.gz` is written as
/// gzip (zlib, the same ``ZlibStream`` that ``InputFile`` inflates with), `NAME.zip` as a zip
/// archive holding one entry `NAME` (ZIPFoundation), anything else as it is; `-` is standard
/// output. So every file Tessera writes can be read back by ``InputFile``.
///
/// ```swift
/// let out = try OutputFile(path: "memory.tmx.gz")
/// try out.write(Array("<tmx/>".utf8))
/// try out.close()   // writes the gzip trailer; always call it and check the error
/// ```
///
/// A zip is written to a temporary file beside the output, which becomes the archive's entry at
/// ``close()`` (a zip entry's sizes come before its data).
package final class OutputFile {
    /// How the bytes are stored.
    package enum Compression: Sendable, Equatable {
        /// As they are.
        case none
        /// gzip (RFC 1952), level 6.
        case gzip
        /// A zip archive with one deflated entry of this name.
        case zip(entry: String)
    }

    /// The path given (`-` for standard output).
    package let path: String
    /// How the output is compressed.
    package let compression: Compression

    private var descriptor: Int32
    private let closesDescriptor: Bool
    private var zlib: ZlibStream?
    /// The file the bytes go to: `path`, or the temporary entry file of a zip.
    private let target: String
    private var buffer: [UInt8] = []
    private var deflated = [UInt8](repeating: 0, count: 1 << 16)
    private var closed = false
    private static let flushSize = 1 << 16

    /// The compression a path asks for: `.gz` gzip, `.zip` a zip of the name without `.zip`.
    ///
    /// ```swift
    /// OutputFile.compression(forPath: "out.tmx.zip")   // .zip(entry: "out.tmx")
    /// ```
    package static func compression(forPath path: String) -> Compression {
        let lower = path.lowercased()
        if lower.hasSuffix(".gz") { return .gzip }
        if lower.hasSuffix(".zip") {
            let name = (path as NSString).lastPathComponent
            return .zip(entry: String(name.dropLast(4)))
        }
        return .none
    }

    /// The path without its compression suffix (`out.tmx.gz` gives `out.tmx`), to tell the format.
    package static func uncompressedName(_ path: String) -> String {
        switch compression(forPath: path) {
        case .none: path
        case .gzip: String(path.dropLast(3))
        case .zip: String(path.dropLast(4))
        }
    }

    /// Creates (or replaces) the file.
    ///
    /// - Parameters:
    ///   - path: the file, `-` for standard output (never compressed).
    ///   - compression: the compression; by default the one the name asks for.
    /// - Throws: ``FileError`` `write` when the file cannot be created.
    package init(path: String, compression: Compression? = nil) throws(FileError) {
        self.path = path
        let chosen = path == "-" ? .none : (compression ?? Self.compression(forPath: path))
        self.compression = chosen
        if path == "-" {
            target = path
            descriptor = 1
            closesDescriptor = false
        } else {
            if case .zip = chosen {
                let folder = (path as NSString).deletingLastPathComponent
                target = (folder.isEmpty ? "." : folder) + "/.tessera-\(UUID().uuidString).tmp"
            } else {
                target = path
            }
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw FileError(
                    kind: .write, message: "cannot be created (\(SystemFile.describe(errno)))", file: path)
            }
            closesDescriptor = true
        }
        if chosen == .gzip {
            do {
                zlib = try ZlibStream(.deflate(level: 6))
            } catch {
                throw FileError(kind: .write, message: error.message, file: path)
            }
        }
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    deinit {
        if !closed {
            try? close()
        }
    }

    /// Appends bytes.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        precondition(!closed, "OutputFile.write called after close().")
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush(finish: false) }
    }

    /// Appends bytes.
    package func write(_ bytes: [UInt8]) throws(FileError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(FileError) in try write(raw) } }.get()
    }

    /// Appends the UTF-8 bytes of a text.
    package func write(_ text: String) throws(FileError) {
        try write(Array(text.utf8))
    }

    /// Writes what is buffered, the gzip trailer or the zip archive, and closes the file.
    ///
    /// - Throws: ``FileError`` `write` (disk full, folder gone).
    package func close() throws(FileError) {
        guard !closed else { return }
        closed = true
        defer { if case .zip = compression { try? FileManager.default.removeItem(atPath: target) } }
        do {
            try flush(finish: true)
        } catch {
            closeDescriptor()
            throw error
        }
        closeDescriptor()
        if case .zip(let entry) = compression { try makeZip(entry: entry) }
    }

    private func closeDescriptor() {
        if closesDescriptor && descriptor >= 0 { SystemFile.close(descriptor) }
        descriptor = -1
    }

    private func makeZip(entry: String) throws(FileError) {
        do {
            try? FileManager.default.removeItem(atPath: path)
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            try archive.addEntry(with: entry, fileURL: URL(fileURLWithPath: target), compressionMethod: .deflate)
        } catch {
            throw FileError(kind: .write, message: "cannot write the zip archive (\(error))", file: path)
        }
    }

    /// Writes the buffer out, deflated for gzip.
    private func flush(finish: Bool) throws(FileError) {
        guard let zlib else {
            try writeOut(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var consumed = 0
        while true {
            let step: ZlibStream.Step
            do {
                step = try buffer.withUnsafeBytes { input in
                    deflated.withUnsafeMutableBytes { output in
                        Result { () throws(ZlibFailure) in
                            try zlib.process(UnsafeRawBufferPointer(rebasing: input[consumed...]), into: output, finish: finish)
                        }
                    }
                }.get()
            } catch {
                throw FileError(kind: .write, message: "cannot compress (\(error.message))", file: path)
            }
            consumed += step.consumed
            try writeOut(deflated[..<step.produced])
            if finish ? step.ended : (consumed == buffer.count && step.produced < deflated.count) { break }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: some Collection<UInt8>) throws(FileError) {
        guard !bytes.isEmpty else { return }
        let failed = bytes.withContiguousStorageIfAvailable { storage -> Int32? in
            var done = 0
            while done < storage.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, storage.baseAddress! + done, storage.count - done)
                #else
                    let written = Darwin.write(descriptor, storage.baseAddress! + done, storage.count - done)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += written
            }
            return nil
        }
        if let code = failed ?? nil {
            throw FileError(kind: .write, message: "cannot be written (\(SystemFile.describe(code)))", file: path)
        }
    }
}
