import Foundation
import TesseraStorage

/// `tessera copy`: moves a whole store into another, EMPTY one, whatever the two backends are:
/// every memory (``MemoryCatalog``: `default` and the named ones) with its ids, batches
/// (provenance), props, notes and variant ids; the glossaries with their origins; the API keys
/// (hashes, scopes, memory limits, dates, ids).
///
/// Both stores are opened through ``StoreOpener`` only, so a new backend needs no change here.
/// Each memory is restored in one transaction of the target
/// (``TranslationStore/restore(copying:pageSize:progress:)``), read page by page: memory stays
/// bounded whatever the size. The match-index side files are not copied; the target builds its
/// own on its first lookup.
///
/// A failed copy leaves the target as it was: the memory being written rolls back; what was
/// already written is removed again (named memories deleted, glossaries deleted, keys revoked,
/// in that order), and a target that did not exist before is removed whole. The order of the
/// copy makes the one part that cannot be removed the last: keys, glossaries, named memories,
/// then the `default` memory.
///
/// ```swift
/// let report = try CopyStore(from: .sqlite(path: "a.db"), to: .sqlite(path: "b.db")).run()
/// print(report.units)
/// ```
public struct CopyStore: Sendable {
    /// The store read (never written, except the schema migrations any opening applies).
    public var source: StoreLocation
    /// The store written: it must hold no unit, batch, named memory, glossary or key.
    public var target: StoreLocation
    /// Units read per page.
    var pageSize = 1000

    /// A copy from `source` to `target`.
    public init(from source: StoreLocation, to target: StoreLocation) {
        self.source = source
        self.target = target
    }

    /// Copies everything; see the type's description.
    ///
    /// - Parameter progress: called during each memory's copy with its name as `file`, its
    ///   1-based number among the memories and the units written so far (the CLI draws it as an
    ///   import's progress line).
    /// - Returns: the counts copied.
    /// - Throws: ``KitError`` `noDatabase` when the source does not exist, `invalidOption` when
    ///   both name the same store; `StorageError` `notEmpty` when the target holds anything, or
    ///   the failure of either store. The target is as it was then.
    public func run(progress: ((ImportProgress) -> Void)? = nil) throws -> CopyReport {
        guard source.exists else { throw KitError(.noDatabase, "No database at \(source) to copy from.") }
        guard Self.identity(of: source) != Self.identity(of: target) else {
            throw KitError(.invalidOption, "\(source) and \(target) are the same store; copy to another one.")
        }
        let sourceCatalog = MemoryCatalog(database: source)
        let targetCatalog = MemoryCatalog(database: target)
        let names = try sourceCatalog.names()
        let targetExisted = target.exists
        let memoriesFolderExisted = (try? targetCatalog.folder()).map { FileManager.default.fileExists(atPath: $0) } ?? true

        var undo = CopyUndo(catalog: targetCatalog)
        do {
            let targetKeys = try StoreOpener.apiKeyStore(target)
            let targetGlossaries = try StoreOpener.glossaryStore(target)
            let targetMemory = try StoreOpener.translationStore(target)
            try requireEmpty(memory: targetMemory, glossaries: targetGlossaries, keys: targetKeys, catalog: targetCatalog)

            let keys = try StoreOpener.apiKeyStore(source).allKeys()
            try targetKeys.restore(keys)
            undo.keys = (targetKeys, keys.compactMap(\.id))

            let sourceGlossaries = try StoreOpener.glossaryStore(source)
            var glossaries: [GlossaryWriteReport] = []
            undo.glossaries = targetGlossaries
            for summary in try sourceGlossaries.summaries() {
                for glossary in try sourceGlossaries.load(names: [summary.name], languages: nil) {
                    glossaries.append(try targetGlossaries.replaceGlossary(glossary, origin: summary.origin))
                    undo.glossaryNames.append(glossary.name)
                }
            }

            var copied: [MemoryName: CopyReport.Memory] = [:]
            // The named memories first, `default` last: it is the one part a failure cannot remove.
            let order = names.filter { !$0.isDefault } + names.filter(\.isDefault)
            for (index, name) in order.enumerated() {
                let from = try StoreOpener.translationStore(try sourceCatalog.location(of: name))
                let into: any TranslationStore
                if name.isDefault {
                    into = targetMemory
                } else {
                    into = try StoreOpener.translationStore(try targetCatalog.create(name))
                    undo.memories.append(name)
                }
                let report = try into.restore(copying: from, pageSize: pageSize) { units in
                    progress?(ImportProgress(file: name.description, fileIndex: index + 1, fileCount: order.count, units: units))
                }
                copied[name] = CopyReport.Memory(
                    name: name.description, batches: report.batches, units: report.units, variants: report.variants)
            }
            return CopyReport(
                source: source.description, target: target.description, memories: names.compactMap { copied[$0] }, glossaries: glossaries,
                apiKeys: keys.count)
        } catch {
            undo.run()
            if !targetExisted { for file in target.localFiles { unlink(file) } }
            if !memoriesFolderExisted, let folder = try? targetCatalog.folder() { rmdir(folder) }
            throw error
        }
    }

    /// Refuses a target that holds anything a copy would write.
    private func requireEmpty(
        memory: any TranslationStore, glossaries: any GlossaryStore, keys: any APIKeyStore, catalog: MemoryCatalog
    ) throws {
        var held: [String] = []
        if try !memory.batches().isEmpty { held.append("units") }
        if try catalog.names().count > 1 { held.append("named memories") }
        if try !glossaries.summaries().isEmpty { held.append("glossaries") }
        if try !keys.allKeys().isEmpty { held.append("API keys") }
        guard held.isEmpty else {
            throw StorageError(
                .notEmpty, "\(target) already holds \(held.joined(separator: ", ")); tessera copy writes only into an empty store.")
        }
    }

    /// What tells two locations apart: an SQLite file by its resolved absolute path (so `a.db`
    /// and `./a.db` are the same), a server database by its URL.
    private static func identity(of location: StoreLocation) -> String {
        switch location {
        case .sqlite(let path): URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        case .postgres(let url): url
        }
    }
}
