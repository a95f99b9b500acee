import Foundation
import Testing
import TesseraStorage

/// The service's key store (``APIKeyStore``): what is added comes back by prefix and in the full
/// list, oldest first, and a revoked key is gone.
struct APIKeyStoreTests {
    /// A record with a made-up hash.
    static func record(_ prefix: String, _ scope: APIKeyRecord.Scope, memory: String? = nil) -> APIKeyRecord {
        APIKeyRecord(prefix: prefix, hash: String(repeating: String(prefix.prefix(1)), count: 64), scope: scope, memory: memory)
    }

    @Test(arguments: Backend.all)
    func add_returnsTheKeyWithIDAndCreationTime_andFindsItByPrefix(backend: Backend) throws {
        let store = try backend.makeKeys()
        #expect(try store.allKeys().isEmpty)
        let added = try store.add(Self.record("3f9a0c1d", .write, memory: "tm.db"))
        let id = try #require(added.id)
        #expect(added.created != nil)
        #expect(added.prefix == "3f9a0c1d" && added.scope == .write && added.memory == "tm.db")
        #expect(added.hash == String(repeating: "3", count: 64))
        #expect(try store.keys(prefix: "3f9a0c1d") == [added])
        #expect(try store.keys(prefix: "00000000").isEmpty)
        let other = try store.add(Self.record("aa11bb22", .admin))
        #expect(other.id != id && other.memory == nil)
        #expect(try store.allKeys() == [added, other])
    }

    @Test(arguments: Backend.all)
    func keys_withASharedPrefix_areAllReturned(backend: Backend) throws {
        let store = try backend.makeKeys()
        let first = try store.add(Self.record("cafe0001", .read))
        let second = try store.add(APIKeyRecord(prefix: "cafe0001", hash: String(repeating: "d", count: 64), scope: .read, memory: nil))
        #expect(Set(try store.keys(prefix: "cafe0001")) == [first, second])
    }

    @Test(arguments: Backend.all)
    func revoke_removesTheKeyOnce(backend: Backend) throws {
        let store = try backend.makeKeys()
        let kept = try store.add(Self.record("11111111", .read))
        let revoked = try store.add(Self.record("22222222", .admin))
        #expect(try store.revoke(id: try #require(revoked.id)))
        #expect(try !store.revoke(id: try #require(revoked.id)))
        #expect(try store.keys(prefix: "22222222").isEmpty)
        #expect(try store.allKeys() == [kept])
    }
}
