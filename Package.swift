// swift-tools-version: 6.1
// Tessera: a multi-language translation-memory and glossary toolkit.
// Layout and dependency rule: Docs/DESIGN.md.
import PackageDescription

/// Strict settings shared by every target of ours.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Tessera",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tessera", targets: ["tessera"]),
        .library(name: "TesseraKit", targets: ["TesseraKit"]),
        // The readers of outside files, for the fuzz targets in Fuzz/ (a separate package).
        .library(name: "TesseraCore", targets: ["TesseraCore"]),
        .library(name: "TesseraTMX", targets: ["TesseraTMX"]),
        .library(name: "TesseraGlossary", targets: ["TesseraGlossary"]),
        .library(name: "TesseraText", targets: ["TesseraText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The HTTP service (`tessera serve`, Docs/SERVICE.md). Only the FullFoundation trait: the
        // default ConfigurationSupport trait would build swift-configuration for nothing.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // The PostgreSQL backend (Docs/POSTGRES.md).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        .systemLibrary(name: "CLibZ", path: "Sources/CLibZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Value types only, no C.
        .target(name: "TesseraCore", swiftSettings: strict),
        // Pure Swift algorithms.
        .target(name: "TesseraText", dependencies: ["TesseraCore"], swiftSettings: strict),
        .target(name: "TesseraAlignment", dependencies: ["TesseraCore", "TesseraText"], swiftSettings: strict),
        .target(name: "TesseraMatching", dependencies: ["TesseraCore", "TesseraText"], swiftSettings: strict),
        // Input and output files: identification by magic bytes, gzip (zlib) and zip (ZIPFoundation).
        .target(
            name: "TesseraIO", dependencies: ["TesseraCore", "CLibZ", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // The one module that owns libxml2 (streaming reader and writer).
        .target(name: "TesseraXML", dependencies: ["TesseraCore", "TesseraIO", "CLibXML2"], swiftSettings: strict),
        // Codecs.
        .target(name: "TesseraTMX", dependencies: ["TesseraCore", "TesseraXML"], swiftSettings: strict),
        .target(
            name: "TesseraGlossary", dependencies: ["TesseraCore", "TesseraText", "TesseraXML"],
            swiftSettings: strict),
        // The storage boundary: protocols and value types of a translation memory and a glossary
        // store; no database library.
        .target(name: "TesseraStorage", dependencies: ["TesseraCore", "TesseraText", "TesseraMatching"], swiftSettings: strict),
        // The SQLite backend of the storage protocols: the one module that imports GRDB or holds SQL.
        .target(
            name: "TesseraSQLite",
            dependencies: [
                "TesseraStorage", "TesseraCore", "TesseraText", "TesseraMatching",
                .product(name: "GRDB", package: "GRDB.swift"),
            ], swiftSettings: strict),
        // The PostgreSQL backend of the storage protocols: the one module that imports PostgresNIO
        // or holds PostgreSQL SQL (Docs/POSTGRES.md).
        .target(
            name: "TesseraPostgres",
            dependencies: [
                "TesseraStorage", "TesseraCore", "TesseraText", "TesseraMatching",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
        // The fuzzy-match index of a store: its side file, built during imports, caught up from
        // the change feed (no GRDB: it sees the store through TesseraStorage's protocols).
        .target(
            name: "TesseraMatchIndex", dependencies: ["TesseraCore", "TesseraMatching", "TesseraStorage"],
            swiftSettings: strict),
        // Use cases shared by the front ends.
        .target(
            name: "TesseraKit",
            dependencies: [
                "TesseraCore", "TesseraText", "TesseraAlignment", "TesseraMatching", "TesseraTMX",
                "TesseraGlossary", "TesseraStorage", "TesseraSQLite", "TesseraPostgres", "TesseraMatchIndex", "TesseraIO",
                // SHA-256 of API keys (APIKeys).
                .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: strict),
        // The HTTP service: routes, auth, limits; every Kit call goes through its KitGateway.
        .target(
            name: "TesseraServer",
            dependencies: [
                "TesseraCore", "TesseraText", "TesseraAlignment", "TesseraGlossary", "TesseraStorage", "TesseraKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ], resources: [.copy("openapi.json"), .copy("Web")], swiftSettings: strict),
        // The CLI: a front end over TesseraKit; `serve` starts the HTTP front end (TesseraServer).
        .executableTarget(
            name: "tessera",
            dependencies: [
                "TesseraKit", "TesseraServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // The glossary benchmark (Docs/PERFORMANCE.md): `swift run -c release GlossaryBench`.
        .executableTarget(
            name: "GlossaryBench",
            dependencies: [
                "TesseraKit", "TesseraGlossary", "TesseraText", "TesseraTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], path: "Benchmarks/GlossaryBench", swiftSettings: strict),

        .target(name: "TesseraTestSupport", path: "Tests/TesseraTestSupport", swiftSettings: strict),
        .testTarget(name: "TesseraCoreTests", dependencies: ["TesseraCore"], swiftSettings: strict),
        .testTarget(name: "TesseraIOTests", dependencies: ["TesseraIO", "TesseraTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TesseraTextTests", dependencies: ["TesseraText", "TesseraTestSupport"], resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraAlignmentTests", dependencies: ["TesseraAlignment", "TesseraText", "TesseraTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "TesseraMatchingTests", dependencies: [
                "TesseraMatching", "TesseraText", "TesseraStorage", "TesseraSQLite", "TesseraMatchIndex", "TesseraKit", "TesseraTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraTMXTests", dependencies: ["TesseraTMX", "TesseraXML", "TesseraTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "TesseraGlossaryTests", dependencies: ["TesseraGlossary", "TesseraTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "TesseraPostgresTests",
            dependencies: [
                "TesseraStorage", "TesseraPostgres", "TesseraSQLite", "TesseraCore", "TesseraMatching", "TesseraTMX", "TesseraTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraSQLiteTests",
            dependencies: ["TesseraStorage", "TesseraSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // The behaviour every storage backend must show, run against each backend.
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: ["TesseraStorage", "TesseraSQLite", "TesseraPostgres", "TesseraCore", "TesseraMatching", "TesseraTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraMatchIndexTests",
            dependencies: ["TesseraMatchIndex", "TesseraMatching", "TesseraStorage", "TesseraSQLite", "TesseraTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraKitTests", dependencies: ["TesseraKit", "TesseraStorage", "TesseraSQLite", "TesseraMatchIndex", "TesseraTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "TesseraServerTests",
            dependencies: [
                "TesseraServer", "TesseraKit", "TesseraCore", "TesseraStorage", "TesseraSQLite", "TesseraTestSupport", "tessera",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "TesseraCLITests",
            dependencies: ["tessera", "TesseraKit", "TesseraStorage", "TesseraSQLite", "TesseraTestSupport"],
            swiftSettings: strict),
    ]
)
