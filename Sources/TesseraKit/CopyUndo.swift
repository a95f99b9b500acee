import TesseraStorage

/// What a failing ``CopyStore`` removes again from its target: the named memories it created, the
/// glossaries and the API keys it wrote.
struct CopyUndo {
    let catalog: MemoryCatalog
    var memories: [MemoryName] = []
    var glossaries: (any GlossaryStore)?
    var glossaryNames: [String] = []
    var keys: (store: any APIKeyStore, ids: [Int64])?

    /// Removes what was written; failures are ignored (the copy's own error is the one reported).
    func run() {
        for name in memories.reversed() { try? catalog.delete(name) }
        if let glossaries { for name in glossaryNames { _ = try? glossaries.deleteGlossary(named: name) } }
        if let keys { for id in keys.ids { _ = try? keys.store.revoke(id: id) } }
    }
}
