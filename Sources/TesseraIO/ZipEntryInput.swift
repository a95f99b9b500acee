internal import Foundation
internal import ZIPFoundation

/// The content of one document inside a zip archive (OmegaT's `.tmx.zip`), read through
/// ZIPFoundation and streamed: a background thread extracts the entry chunk by chunk into a small
/// bounded queue that ``read(into:)`` drains, so memory stays flat whatever the entry's size.
///
/// The document is the one entry whose name ends in one of the expected extensions (`.tmx`);
/// an archive with none, or with several, is refused with ``FileError/Kind-swift.enum/archiveContent``
/// naming what it holds (several documents are not imported one after the other: a file is one
/// transaction, and an archive is unpacked with `unzip` when its parts are wanted).
final class ZipEntryInput: ByteReader, @unchecked Sendable {
    /// The entry read.
    let entryName: String
    private let path: String
    /// Guards everything below.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var queuedBytes = 0
    private var producerDone = false
    private var producerError: FileError?
    private var cancelled = false
    private var current = Data()
    private var offset = 0

    /// Bytes queued before the extracting thread waits for the reader.
    private static let queueLimit = 1 << 20
    /// ZIPFoundation's read and inflate chunk.
    private static let chunkSize = 1 << 16

    /// Opens the archive, picks the document and starts extracting it.
    ///
    /// - Parameters:
    ///   - path: the zip file.
    ///   - extensions: the document extensions, lower case without the dot (`["tmx"]`).
    /// - Throws: ``FileError`` `corrupt` (not a readable archive) or `archiveContent`.
    init(path: String, extensions: [String]) throws(FileError) {
        self.path = path
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw FileError(
                kind: .corrupt, message: "the zip archive is damaged or incomplete (truncated file?)", file: path,
                detected: .zip)
        }
        entryName = try Self.document(in: archive, extensions: extensions, path: path)
        let url = URL(fileURLWithPath: path)
        let name = entryName
        Thread { [self] in produce(url: url, entry: name) }.start()
    }

    deinit { close() }

    /// The name of the one document entry.
    private static func document(in archive: Archive, extensions: [String], path: String) throws(FileError) -> String {
        let files = archive.filter { $0.type == .file && !$0.path.hasPrefix("__MACOSX/") }.map(\.path)
        let documents = files.filter { name in
            extensions.contains { name.lowercased().hasSuffix("." + $0) }
        }
        let dotted = extensions.map { "." + $0 }
        let wanted = dotted.count < 2 ? dotted.joined() : dotted.dropLast().joined(separator: ", ") + " or " + dotted[dotted.count - 1]
        switch documents.count {
        case 1: return documents[0]
        case 0:
            if files.count == 1 { return files[0] }
            throw FileError(
                kind: .archiveContent,
                message: "the zip archive holds no \(wanted) file"
                    + (files.isEmpty ? " (it is empty)" : " (it holds \(Self.list(files)))"),
                file: path, detected: .zip)
        default:
            throw FileError(
                kind: .archiveContent,
                message: "the zip archive holds \(documents.count) \(wanted) files (\(Self.list(documents))); "
                    + "one is read per archive: unzip it and give the files one by one",
                file: path, detected: .zip)
        }
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 4 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + ", ..."
    }

    /// The extracting thread.
    private func produce(url: URL, entry name: String) {
        var failure: FileError?
        do {
            let archive = try Archive(url: url, accessMode: .read)
            guard let entry = archive[name] else { throw Archive.ArchiveError.unreadableArchive }
            _ = try archive.extract(entry, bufferSize: Self.chunkSize) { [self] data in try enqueue(data) }
        } catch Archive.ArchiveError.cancelledOperation {
            failure = nil
        } catch Archive.ArchiveError.invalidCRC32 {
            failure = FileError(
                kind: .corrupt, message: "the zip entry \(name) is damaged (its checksum does not match)", file: path,
                detected: .zip)
        } catch {
            failure = FileError(
                kind: .corrupt, message: "the zip entry \(name) cannot be extracted (damaged or truncated archive?)",
                file: path, detected: .zip)
        }
        condition.lock()
        producerError = failure
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    private func enqueue(_ data: Data) throws {
        guard !data.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queuedBytes >= Self.queueLimit && !cancelled { condition.wait() }
        if cancelled { throw Archive.ArchiveError.cancelledOperation }
        chunks.append(data)
        queuedBytes += data.count
        condition.broadcast()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        if offset == current.count {
            condition.lock()
            while chunks.isEmpty && !producerDone && !cancelled { condition.wait() }
            if chunks.isEmpty {
                let failure = producerError
                condition.unlock()
                if let failure { throw failure }
                return 0
            }
            current = chunks.removeFirst()
            queuedBytes -= current.count
            offset = 0
            condition.broadcast()
            condition.unlock()
        }
        let count = min(buffer.count, current.count - offset)
        current.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        }
        offset += count
        return count
    }

    func close() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        queuedBytes = 0
        condition.broadcast()
        condition.unlock()
    }
}
