internal import Foundation

/// The bytes of a file as they are, read through its descriptor.
final class FileByteReader: ByteReader {
    private var descriptor: Int32
    private let path: String

    /// Opens `path` for reading.
    ///
    /// - Throws: ``FileError`` `notFound`, `isDirectory` or `unreadable`.
    init(path: String) throws(FileError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw FileError(kind: .notFound, message: "no such file", file: path) }
            throw FileError(kind: .unreadable, message: "cannot be read (\(SystemFile.describe(reason)))", file: path)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(kind: .isDirectory, message: "is a folder, not a file", file: path)
        }
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(kind: .unreadable, message: "cannot be read (\(SystemFile.describe(errno)))", file: path)
        }
        self.path = path
    }

    deinit { close() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard descriptor >= 0, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
                let count = Glibc.read(descriptor, base, buffer.count)
            #else
                let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw FileError(kind: .unreadable, message: "cannot be read (\(SystemFile.describe(errno)))", file: path)
        }
    }

    func close() {
        guard descriptor >= 0 else { return }
        SystemFile.close(descriptor)
        descriptor = -1
    }
}
