import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import NIOCore

/// Writes a request body to a file as it arrives, never holding more than about one write's
/// worth (``chunkBytes``) in memory, and refuses it past a size limit.
///
/// Each upload gets a folder of its own under the upload folder (`<folder>/<random>/upload.<ext>`),
/// so that a Kit report naming the file names `upload.<ext>`. When the body fails (the client
/// went away, the limit was passed, the disk is full) the folder is removed before the error is
/// thrown: nothing is left behind.
struct UploadSpool {
    /// The bytes gathered before one write to the file (done on the blocking pool).
    static let chunkBytes = 1 << 20

    /// The file written.
    let path: String
    /// Its folder (removed by ``remove()``).
    let folder: String

    /// Receives `body` into a new file named `upload.<fileExtension>` under `root`.
    ///
    /// - Parameters:
    ///   - expectedLength: the request's `Content-Length`, if any: a body that ends short of it
    ///     (the client disconnected) is an error.
    ///   - limit: the most bytes accepted.
    /// - Returns: the spool and the number of bytes written.
    /// - Throws: ``ServiceError`` 413 past `limit`, 400 for a body that ended early; the body's
    ///   own error when the connection failed; file errors.
    static func receive(
        _ body: RequestBody, expectedLength: Int?, limit: Int, root: String, fileExtension: String, work: BlockingWork
    ) async throws -> (spool: UploadSpool, bytes: Int) {
        if let expectedLength, expectedLength > limit { throw tooLarge(limit) }
        let folder = root + "/" + UUID().uuidString.lowercased()
        let spool = UploadSpool(path: folder + "/upload." + fileExtension, folder: folder)
        let file = try await work.run { () -> Int32 in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let descriptor = open(spool.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                try? FileManager.default.removeItem(atPath: folder)
                throw ServiceError(.internalServerError, "cannot create the upload file")
            }
            return descriptor
        }
        do {
            var total = 0
            var pending = ByteBuffer()
            for try await buffer in body {
                total += buffer.readableBytes
                if total > limit { throw tooLarge(limit) }
                var buffer = buffer
                pending.writeBuffer(&buffer)
                if pending.readableBytes >= chunkBytes {
                    let chunk = pending
                    pending = ByteBuffer()
                    try await work.run { try write(chunk, to: file) }
                }
            }
            if let expectedLength, total != expectedLength {
                throw ServiceError.badRequest("the upload ended after \(total) of \(expectedLength) bytes")
            }
            let chunk = pending
            try await work.run { try write(chunk, to: file) }
            close(file)
            return (spool, total)
        } catch let error as ServiceError {
            close(file)
            spool.remove()
            throw error
        } catch {
            // The connection failed mid-body (the client went away): a client fault, not a 500.
            close(file)
            spool.remove()
            throw ServiceError.badRequest("the upload was cut off (\(error))")
        }
    }

    /// Writes every readable byte of `buffer` to `descriptor`.
    /// - Throws: ``ServiceError`` 500 when the disk refuses (full, gone).
    private static func write(_ buffer: ByteBuffer, to descriptor: Int32) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            var done = 0
            while done < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw ServiceError(.internalServerError, "cannot write the upload file") }
                done += written
            }
        }
    }

    /// Removes the file and its folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func tooLarge(_ limit: Int) -> ServiceError {
        ServiceError(.contentTooLarge, "the upload is larger than \(limit) bytes")
    }
}
