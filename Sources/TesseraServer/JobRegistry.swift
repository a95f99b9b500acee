import Foundation
package import TesseraKit

/// The service's background jobs: started with an id, run as a task, looked up by id while they
/// run and for a while after (at most ``keepFinished`` finished jobs, none older than
/// ``keepFor``); ``drain()`` cancels the running ones and waits for them (shutdown).
///
/// ```swift
/// let job = try await registry.start(bytes: size) { progress, cancellation in
///     .done(report: ..., units: 10)
/// }
/// await registry.job(job.id)?.status   // .running, then .done
/// ```
package actor JobRegistry {
    /// What a job's body ends with.
    package struct Outcome: Sendable {
        /// The final status.
        package var status: Job.Status
        /// Kit's report, if it gave one.
        package var report: Job.Report?
        /// The one-line error of a failed or cancelled job.
        package var error: String?
    }

    /// Units done so far, written by the job's blocking thread and read by ``job(_:)``.
    package typealias Progress = Locked<Int>

    private struct Entry {
        var job: Job
        var finished: Date?
        let progress: Progress
        let cancellation: ImportCancellation
        var task: Task<Void, Never>?
    }

    /// How many finished jobs are kept (the oldest go first).
    package let keepFinished: Int
    /// How long a finished job is kept.
    package let keepFor: Double
    private var entries: [String: Entry] = [:]
    private var draining = false

    /// A registry keeping `keepFinished` finished jobs for `keepFor` seconds.
    package init(keepFinished: Int = 100, keepFor: Double = 3_600) {
        self.keepFinished = keepFinished
        self.keepFor = keepFor
    }

    /// Starts a job: `body` runs in a task of its own with the job's progress and cancellation.
    /// - Returns: the job as it starts (`running`).
    /// - Throws: ``ServiceError`` 503 once ``drain()`` began.
    package func start(
        bytes: Int, _ body: @escaping @Sendable (Progress, ImportCancellation) async -> Outcome
    ) throws -> Job {
        guard !draining else { throw ServiceError(.serviceUnavailable, "the server is shutting down") }
        prune()
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let entry = Entry(job: Job(id: id, bytes: bytes), progress: Progress(0), cancellation: ImportCancellation())
        entries[id] = entry
        let progress = entry.progress
        let cancellation = entry.cancellation
        entries[id]?.task = Task {
            let outcome = await body(progress, cancellation)
            self.finish(id, outcome)
        }
        return entry.job
    }

    /// The job `id` as of now, `nil` when unknown (or no longer kept).
    package func job(_ id: String) -> Job? {
        prune()
        guard let entry = entries[id] else { return nil }
        var job = entry.job
        if job.status == .running { job.units = entry.progress.value }
        return job
    }

    /// The jobs kept (running or finished).
    package var count: Int { entries.count }

    /// Refuses new jobs, cancels the running ones and waits until each has finished.
    package func drain() async {
        draining = true
        let running = entries.values.filter { $0.finished == nil }
        for entry in running { entry.cancellation.cancel() }
        for entry in running { await entry.task?.value }
    }

    private func finish(_ id: String, _ outcome: Outcome) {
        guard var entry = entries[id] else { return }
        entry.job.status = outcome.status
        entry.job.report = outcome.report
        entry.job.error = outcome.error
        entry.job.units = entry.progress.value
        if outcome.status == .done { entry.job.bytesDone = entry.job.bytes }
        entry.finished = Date()
        entries[id] = entry
        prune()
    }

    /// Drops finished jobs older than ``keepFor`` and the oldest beyond ``keepFinished``.
    private func prune() {
        let now = Date()
        for (id, entry) in entries {
            if let finished = entry.finished, now.timeIntervalSince(finished) > keepFor { entries[id] = nil }
        }
        let finished = entries.compactMap { id, entry in entry.finished.map { (id, $0) } }.sorted { $0.1 < $1.1 }
        for (id, _) in finished.dropLast(keepFinished) { entries[id] = nil }
    }
}
