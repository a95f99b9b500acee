import Foundation
public import TesseraStorage

/// Makes and checks API keys: a key is `tsr_` + 64 hex digits (256 random bits); the store keeps
/// its first 12 characters in clear (to find the row) and the SHA-256 of the whole key. A
/// presented key is hashed and compared with the stored hash in constant time.
///
/// ```swift
/// let (key, record) = try APIKeys.create(scope: .read, memory: nil, in: store)
/// try APIKeys.verify(key, in: store)   // record
/// ```
public enum APIKeys {
    /// The start of every key.
    static let marker = "tsr_"
    /// How many characters of a key are stored in clear.
    static let prefixLength = 12

    /// Makes a key, stores its hash, and returns the key (to be shown once) with its record.
    /// - Throws: `StorageError` when the store cannot be written.
    public static func create(scope: APIKeyRecord.Scope, memory: String?, in store: any APIKeyStore) throws -> (key: String, record: APIKeyRecord) {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = marker + random.map { String(format: "%02x", $0) }.joined()
        let record = try store.add(APIKeyRecord(prefix: String(key.prefix(prefixLength)), hash: SHA256.hex(Array(key.utf8)), scope: scope, memory: memory))
        return (key, record)
    }

    /// The record of `key`, or `nil` when no stored key matches.
    /// - Throws: `StorageError` when the store cannot be read.
    public static func verify(_ key: String, in store: any APIKeyStore) throws -> APIKeyRecord? {
        guard key.hasPrefix(marker), key.utf8.count == marker.utf8.count + 64 else { return nil }
        let hash = Array(SHA256.hex(Array(key.utf8)).utf8)
        var found: APIKeyRecord?
        for record in try store.keys(prefix: String(key.prefix(prefixLength))) where constantTimeEqual(Array(record.hash.utf8), hash) {
            found = record
        }
        return found
    }

    /// Whether two byte strings are equal, in a time that depends only on their lengths.
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
