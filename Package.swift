import Foundation
// swift-tools-version: 6.1
import PackageDescription

/// `ExistentialAny`: a protocol used as a type is written `any P` (as Hummingbird does), so an
/// existential's cost is visible where it is paid. `InternalImportsByDefault` is not on: see
/// docs/architecture.md.
let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
/// The imaging code is pixel loops: unoptimized it runs about 4× slower, and the end-to-end tests
/// (which run the debug build) would spend most of their time there. Debug builds optimize it too;
/// `-enable-testing` still lets the tests reach its internals.
let pixelLoopSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

var targets: [Target] = [
    .systemLibrary(name: "CTIFF", pkgConfig: "libtiff-4", providers: [.apt(["libtiff-dev"])]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng16", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
    .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
    .systemLibrary(name: "CJPEG2000", pkgConfig: "libopenjp2", providers: [.apt(["libopenjp2-7-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "SohoaText", swiftSettings: swiftSettings),
    .target(name: "SohoaImaging", dependencies: ["CTIFF", "CPNG", "CTurboJPEG", "CJPEG2000"], swiftSettings: pixelLoopSettings),
    // Tesseract's per-line images kept uncompressed while it recognizes (issue 19): defines
    // leptonica's `pixWriteMemPng`, which must be in the executable's dynamic symbol table to take
    // the place of leptonica's own (see Sources/CTesseractLineImages/line_images.c).
    .target(
        name: "CTesseractLineImages",
        linkerSettings: [.linkedLibrary("lept"), .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=pixWriteMemPng"])]),
    .target(
        name: "SohoaOCR", dependencies: ["CTesseract", "CTesseractLineImages", "CPNG", "SohoaImaging", "SohoaText"],
        swiftSettings: swiftSettings),
    .target(
        name: "SohoaArchive",
        dependencies: ["SohoaText", .product(name: "Crypto", package: "swift-crypto")],
        swiftSettings: swiftSettings),
    .target(
        name: "SohoaCatalog",
        dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
        swiftSettings: swiftSettings),
    // The catalog on PostgreSQL (issue 16): the address (`--catalog postgresql://…`), a synchronous
    // connection over PostgresNIO, the schema's PostgreSQL migrations, `sohoa catalog copy`, and the
    // work queue that workers on several machines claim pages from.
    .target(
        name: "SohoaPostgres",
        dependencies: [
            "SohoaCatalog",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ],
        swiftSettings: swiftSettings),
    // The work on what is already archived: holdings, progress and reports, corrections, audit,
    // exchange, export, the archive session. No imaging, no OCR.
    .target(
        name: "SohoaCollection",
        dependencies: [
            "SohoaArchive", "SohoaCatalog", "SohoaText", "CZlib",
            .product(name: "Yams", package: "Yams"),
        ],
        swiftSettings: swiftSettings),
    // A batch run: planning, configuration, the five stages, scheduling and progress.
    .target(
        name: "SohoaPipeline",
        dependencies: [
            "SohoaCollection", "SohoaImaging", "SohoaOCR", "SohoaArchive", "SohoaCatalog", "SohoaText",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: swiftSettings),
    // Also the submission protocol's client side (issue 15): AsyncHTTPClient sends the chunks.
    .target(
        name: "SohoaSharing",
        dependencies: [
            "SohoaCollection", "SohoaCatalog", "SohoaArchive", "SohoaImaging", "SohoaText",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ],
        swiftSettings: swiftSettings),
    .target(
        name: "SohoaServer",
        dependencies: [
            "SohoaCollection", "SohoaSharing", "SohoaArchive", "SohoaCatalog", "SohoaText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        swiftSettings: swiftSettings),
    // Test helpers and test doubles shared by the test targets (temporary folders, the process runner,
    // the ../shared checks and scans, the null and failing OCR engines); never linked into sohoa.
    .target(name: "SohoaTesting", dependencies: ["SohoaOCR", "SohoaImaging"], swiftSettings: swiftSettings),
    // A fresh database per test on the test PostgreSQL (`SOHOA_TEST_POSTGRES_URL`), for the test targets
    // that run on PostgreSQL.
    .target(
        name: "SohoaPostgresTesting", dependencies: ["SohoaPostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
        swiftSettings: swiftSettings),
    .executableTarget(
        name: "sohoa",
        dependencies: [
            "SohoaPipeline", "SohoaCollection", "SohoaServer", "SohoaSharing", "SohoaArchive", "SohoaCatalog", "SohoaPostgres",
            "SohoaOCR", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ],
        swiftSettings: swiftSettings),
    .testTarget(name: "SohoaTextTests", dependencies: ["SohoaText"], swiftSettings: swiftSettings),
    .testTarget(name: "SohoaImagingTests", dependencies: ["SohoaImaging", "SohoaTesting", "CTurboJPEG"], swiftSettings: swiftSettings),
    .testTarget(
        name: "SohoaOCRTests",
        dependencies: ["SohoaOCR", "SohoaImaging", "SohoaTesting", "SohoaText", "CTesseract", "CTesseractLineImages"],
        swiftSettings: swiftSettings),
    .testTarget(name: "SohoaArchiveTests", dependencies: ["SohoaArchive", "SohoaTesting", "SohoaText"], swiftSettings: swiftSettings),
    .testTarget(
        name: "SohoaCatalogTests",
        dependencies: [
            "SohoaCatalog", "SohoaTesting", "SohoaPostgres", "SohoaPostgresTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "SohoaCollectionTests", dependencies: ["SohoaCollection", "SohoaCatalog", "SohoaTesting"],
        swiftSettings: swiftSettings),
    // Also the collection's tests that need items archived by a real batch run (audit, exchange,
    // corrections, holdings, progress).
    .testTarget(
        name: "SohoaPipelineTests",
        dependencies: [
            "SohoaPipeline", "SohoaCollection", "SohoaArchive", "SohoaCatalog", "SohoaImaging", "SohoaOCR", "SohoaTesting",
            "SohoaPostgres", "SohoaPostgresTesting",
        ],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "SohoaSharingTests",
        dependencies: ["SohoaSharing", "SohoaArchive", "SohoaCatalog", "SohoaImaging", "SohoaTesting", "CTurboJPEG"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "SohoaServerTests",
        dependencies: [
            "SohoaServer", "SohoaSharing", "SohoaCollection", "SohoaPipeline", "SohoaArchive", "SohoaCatalog", "SohoaImaging", "SohoaOCR",
            "SohoaTesting", "SohoaPostgres", "SohoaPostgresTesting",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ],
        swiftSettings: swiftSettings),
    // Skipped unless SOHOA_TEST_POSTGRES_URL names a server (scripts/test.sh starts one); also runs the
    // `sohoa` binary for `sohoa catalog copy` over a real run's catalog.
    .testTarget(
        name: "SohoaPostgresTests",
        dependencies: [
            "sohoa", "SohoaPostgres", "SohoaPostgresTesting", "SohoaCatalog", "SohoaCollection", "SohoaTesting",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ],
        swiftSettings: swiftSettings),
    .testTarget(name: "SohoaCLITests", dependencies: ["sohoa", "SohoaTesting"], swiftSettings: swiftSettings),
]

// Fuzzing (scripts/fuzz.sh): with `SOHOA_FUZZ=1` the package also has `SohoaFuzz`, a libFuzzer target
// over every reader of outside input, built with `-sanitize=fuzzer,address -parse-as-library` into
// `.build-fuzz`. It is never part of the normal build.
if ProcessInfo.processInfo.environment["SOHOA_FUZZ"] == "1" {
    targets.append(
        .executableTarget(
            name: "SohoaFuzz", dependencies: ["SohoaImaging", "SohoaPipeline", "SohoaCollection"], swiftSettings: swiftSettings))
}

// Development aid: `SOHOA_DEV_TARGETS=SohoaImaging,SohoaImagingTests swift test` builds only those
// targets and what they depend on, so one module can be worked on while another is mid-edit.
if let only = ProcessInfo.processInfo.environment["SOHOA_DEV_TARGETS"], !only.isEmpty {
    var wanted = Set(only.split(separator: ",").map(String.init))
    var changed = true
    while changed {
        changed = false
        for target in targets where wanted.contains(target.name) {
            for dependency in target.dependencies {
                if case .byNameItem(let name, _) = dependency, !wanted.contains(name) {
                    wanted.insert(name)
                    changed = true
                }
            }
        }
    }
    targets = targets.filter { wanted.contains($0.name) }
}

let package = Package(
    name: "sohoa",
    platforms: [.macOS(.v15)],
    products: targets.contains(where: { $0.name == "sohoa" }) ? [.executable(name: "sohoa", targets: ["sohoa"])] : [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: targets
)
