import Foundation
package import TesseraCore
import GRDB
package import TesseraStorage

extension SQLiteTranslationStore {
    /// The `srclang` of every TMX header imported into the memory whose batch still holds units,
    /// distinct (`*all*` included, as ``LanguageTag/all``; headers without `srclang` left out).
    ///
    /// An export writes `*all*` back in its header when a file it came from said so, rather than
    /// the one language its units happen to start with.
    ///
    /// - Complexity: one pass over the import batches (one row per imported file) and the
    ///   `unit(batchId)` index.
    package func headerSourceLanguages() throws(StorageError) -> Set<LanguageTag> {
        let headers: [String] = try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT header FROM importBatch
                    WHERE header IS NOT NULL AND EXISTS (SELECT 1 FROM unit WHERE unit.batchId = importBatch.id)
                    """)
        }
        let decoder = JSONDecoder()
        var languages: Set<LanguageTag> = []
        for header in headers {
            guard let decoded = try? decoder.decode(TMXHeader.self, from: Data(header.utf8)),
                let language = decoded.sourceLanguage
            else { continue }
            languages.insert(language)
        }
        return languages
    }
}
