/// Where the service's API keys are kept: only their SHA-256 hashes, never the keys.
///
/// Calls are synchronous and may block on the database: an async front end (the server) runs
/// them on a thread pool.
///
/// ```swift
/// let store: any APIKeyStore = try SQLiteAPIKeyStore.open(path: "tessera.db")
/// let record = try store.add(APIKeyRecord(prefix: "3f9a0c1d", hash: hash, scope: .read, memory: nil))
/// try store.keys(prefix: "3f9a0c1d")   // [record]
/// ```
package protocol APIKeyStore: Sendable {
    /// Stores a new key; returns it with its id and creation time.
    /// - Throws: ``StorageError`` when the database cannot be written.
    func add(_ record: APIKeyRecord) throws -> APIKeyRecord
    /// The keys whose public prefix is `prefix` (normally one; the caller compares hashes).
    /// - Throws: ``StorageError`` when the database cannot be read.
    func keys(prefix: String) throws -> [APIKeyRecord]
    /// Every key, oldest first.
    /// - Throws: ``StorageError`` when the database cannot be read.
    func allKeys() throws -> [APIKeyRecord]
    /// Writes `records` with their ids, prefixes, hashes, scopes, memories and creation times
    /// unchanged (a copy of another store's keys), in one transaction, into a store that holds
    /// no key; every record must have an id and a creation time.
    /// - Throws: ``StorageError`` `notEmpty` when the store holds a key, `corruptData` for a record
    ///   without id or date; nothing is written then.
    func restore(_ records: [APIKeyRecord]) throws
    /// Deletes the key with `id`; returns whether there was one.
    /// - Throws: ``StorageError`` when the database cannot be written.
    func revoke(id: Int64) throws -> Bool
}
