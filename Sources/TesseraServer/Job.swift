import Foundation
package import TesseraKit

/// A background job of the service (an import), as `GET /api/v1/jobs/{id}` shows it.
package struct Job: Encodable, Sendable {
    /// Where a job is.
    package enum Status: String, Encodable, Sendable {
        /// The Kit import runs.
        case running
        /// It finished and committed.
        case done
        /// It failed: nothing was committed; ``Job/error`` says why.
        case failed
        /// It was cancelled (the server shut down): nothing was committed.
        case cancelled
    }

    /// What a finished job reports: Kit's report of the use case, as Kit encodes it.
    package enum Report: Encodable, Sendable {
        /// A TMX import (`ImportReport`: files, totals, warnings).
        case tmx(ImportReport)
        /// A glossary import (`GlossaryImport.Report`).
        case glossary(GlossaryImport.Report)

        package func encode(to encoder: any Encoder) throws {
            switch self {
            case .tmx(let report): try report.encode(to: encoder)
            case .glossary(let report): try report.encode(to: encoder)
            }
        }
    }

    /// The job's id (random, hex).
    package var id: String
    /// `import`.
    package var kind = "import"
    /// Where it is.
    package var status: Status = .running
    /// The size of the uploaded file.
    package var bytes: Int
    /// Bytes of it imported: the whole file once the job is done, else 0.
    package var bytesDone = 0
    /// Units (TMX) read so far, or concepts (glossary) stored.
    package var units = 0
    /// Kit's report, once the job finished (`nil` while it runs, or when it failed before Kit reported).
    package var report: Report?
    /// Why the job failed or was cancelled, one line (`FILE:LINE:COLUMN: message` for a malformed file).
    package var error: String?

    private enum Keys: String, CodingKey { case id, kind, status, bytes, bytesDone, units, report, error }

    /// Encodes every key, `null` for an absent report or error (as the API documents).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(bytesDone, forKey: .bytesDone)
        try container.encode(units, forKey: .units)
        try container.encode(report, forKey: .report)
        try container.encode(error, forKey: .error)
    }
}
