import Foundation
public import TesseraStorage

/// What an API key may do: `read` ⊂ `write` ⊂ `admin` (the storage's ``APIKeyRecord/Scope``,
/// named here so that front ends need only TesseraKit).
public typealias APIKeyScope = APIKeyRecord.Scope

/// The API-key use case of `tessera serve`: makes and checks keys. A key is `tsr_` + 64 hex digits
/// (256 random bits); the store keeps its first 12 characters in clear (to find the row) and the
/// SHA-256 of the whole key (``SHA256``, swift-crypto). A presented key is hashed and compared with
/// the stored hash in constant time.
///
/// ```swift
/// let keys = try APIKeys(location: StoreLocation(option: "tm.db"))
/// let (key, record) = try keys.create(scope: .read, memory: nil)
/// try keys.verify(key)   // record
/// ```
public struct APIKeys: Sendable {
    /// The start of every key.
    static let marker = "tsr_"
    /// How many characters of a key are stored in clear.
    static let prefixLength = 12

    /// Where the hashed keys are.
    package let store: any APIKeyStore

    /// Opens (creating and migrating as needed) the key store of the database at `location`.
    /// - Throws: `StorageError` when it cannot be opened.
    public init(location: StoreLocation) throws {
        store = try StoreOpener.apiKeyStore(location)
    }

    /// Works on an open key store.
    package init(store: any APIKeyStore) { self.store = store }

    /// Makes a key, stores its hash, and returns the key (to be shown once) with its record.
    /// - Throws: `StorageError` when the store cannot be written.
    public func create(scope: APIKeyScope, memory: String?) throws -> (key: String, record: APIKeyRecord) {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = Self.marker + random.map { String(format: "%02x", $0) }.joined()
        let record = try store.add(
            APIKeyRecord(prefix: String(key.prefix(Self.prefixLength)), hash: SHA256.hex(Array(key.utf8)), scope: scope, memory: memory))
        return (key, record)
    }

    /// The record of `key`, or `nil` when no stored key matches.
    /// - Throws: `StorageError` when the store cannot be read.
    public func verify(_ key: String) throws -> APIKeyRecord? {
        guard key.hasPrefix(Self.marker), key.utf8.count == Self.marker.utf8.count + 64 else { return nil }
        let hash = Array(SHA256.hex(Array(key.utf8)).utf8)
        var found: APIKeyRecord?
        for record in try store.keys(prefix: String(key.prefix(Self.prefixLength))) where Self.constantTimeEqual(Array(record.hash.utf8), hash) {
            found = record
        }
        return found
    }

    /// Every key, oldest first (records only: never a key).
    /// - Throws: `StorageError` when the store cannot be read.
    public func all() throws -> [APIKeyRecord] {
        try store.allKeys()
    }

    /// Revokes (deletes) the key with `id`.
    /// - Throws: ``KitError`` `noKey` when there is no such key; `StorageError` when the store cannot be written.
    public func revoke(id: Int64) throws {
        guard try store.revoke(id: id) else { throw KitError(.noKey, "No API key with id \(id).") }
    }

    /// Whether two byte strings are equal, in a time that depends only on their lengths.
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
