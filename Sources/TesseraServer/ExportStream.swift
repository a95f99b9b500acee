import Foundation
import Hummingbird
import NIOCore
import NIOPosix

/// A response body fed by a Kit use case that writes a file (``KitGateway/export(_:to:format:source:targets:)``),
/// without the file: the use case writes to the write end of a pipe (opened by path,
/// `/dev/fd/N`) on the blocking pool, while an event loop reads the other end and each chunk
/// read is sent to the client as it comes.
///
/// Memory stays flat whatever the size of the export: the pipe holds 64 KiB, the reading
/// channel a few reads, and when the client reads slowly the writes block (back pressure down to
/// the use case). When the client goes away the read end is closed, the use case's next write
/// fails (`EPIPE`; SIGPIPE is ignored by ``TesseraService``) and the pool thread is freed.
enum ExportStream {
    /// The body: `write` is called on the blocking pool with the path to write to.
    static func body(work: BlockingWork, _ write: @escaping @Sendable (String) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw ServiceError(.internalServerError, "cannot make a pipe") }
            let (readEnd, writeEnd) = (ends[0], ends[1])
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            // The use case opens its own descriptor on the pipe; ours is closed once it returned,
            // so the reader sees the end of the file when, and only when, the use case is done.
            let exporting = Task {
                try await work.run {
                    defer { close(writeEnd) }
                    try write("/dev/fd/\(writeEnd)")
                }
            }
            let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            do {
                channel = try await NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .takingOwnershipOfDescriptor(input: readEnd) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
            } catch {
                close(readEnd)
                _ = await exporting.result
                throw error
            }
            do {
                try await channel.executeThenClose { inbound, _ in
                    for try await buffer in inbound { try await writer.write(buffer) }
                }
            } catch {
                // The client went away: the read end is closed, the use case fails on its next write.
                _ = await exporting.result
                throw error
            }
            // A use case that failed half-way leaves a truncated body: the connection is closed
            // without the final chunk, so the client sees an incomplete transfer, never a short file.
            try await exporting.value
            try await writer.finish(nil)
        }
    }
}
