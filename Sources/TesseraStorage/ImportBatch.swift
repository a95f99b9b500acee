import Foundation
public import TesseraCore

/// Where a batch of units comes from: stored as one `importBatch` row with its units.
///
/// ```swift
/// let batch = ImportBatch(kind: .tmx, filePath: "/data/memory.tmx", header: reader.header)
/// ```
public struct ImportBatch: Hashable, Sendable {
    /// The kind of source.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A TMX file.
        case tmx
        /// Units produced by the sentence aligner.
        case aligned
        /// One unit added or replaced on its own (``TranslationStore/addUnit(_:batch:)``,
        /// ``TranslationStore/replaceUnit(id:with:batch:)``: the units API of `tessera serve`).
        case edit
    }

    /// The kind of source.
    public var kind: Kind
    /// The path of the source file as given (may be empty for in-memory sources).
    public var filePath: String
    /// The TMX header (version, attributes, props and notes), if the source had one.
    public var header: TMXHeader?

    /// Creates a batch description.
    public init(kind: Kind, filePath: String, header: TMXHeader? = nil) {
        self.kind = kind
        self.filePath = filePath
        self.header = header
    }

    /// The last path component of ``filePath``.
    public var fileName: String {
        String(filePath.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }
}

extension ImportBatch {
    /// The header as stored with the batch: JSON with sorted keys, `nil` without a header.
    package var headerJSON: String? {
        guard let header else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(header)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A stored batch read back: its kind and header checked (the reverse of ``headerJSON``).
    /// - Throws: ``StorageError`` `corruptData` for an unknown kind or a header that cannot be read.
    package static func stored(
        id: Int64, kind: String, filePath: String, fileName: String, startedAt: String, finishedAt: String?, header json: String?,
        units: Int
    ) throws(StorageError) -> StoredBatch {
        guard let kind = Kind(rawValue: kind) else { throw StorageError(.corruptData, "Batch \(id) has an unknown kind '\(kind)'.") }
        var header: TMXHeader?
        if let json {
            do {
                header = try JSONDecoder().decode(TMXHeader.self, from: Data(json.utf8))
            } catch {
                throw StorageError(.corruptData, "Batch \(id) has a header that cannot be read back: \(error)")
            }
        }
        return StoredBatch(
            id: id, batch: ImportBatch(kind: kind, filePath: filePath, header: header), fileName: fileName, startedAt: startedAt,
            finishedAt: finishedAt, units: units)
    }

    /// The current time as a batch stores it (ISO 8601, `startedAt`, `finishedAt`).
    package static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
