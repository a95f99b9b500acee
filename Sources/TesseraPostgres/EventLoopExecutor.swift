import NIOCore

/// Runs a task's jobs on one NIO event loop, so that async postgres-nio calls made on behalf of
/// a blocked synchronous caller never need a thread of Swift's cooperative pool (which a test or
/// an async front end may be holding while it waits): the COPY of ``PostgresCopy`` and the
/// prepared statements of ``PostgresConnection/run(prepared:logger:)``.
final class EventLoopExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
