// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .executable(name: "sitrep-train", targets: ["sitrep-train"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libsystemd (sd_notify, sd_journal_sendv), found through pkg-config.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Pure: bytes of a file or record in, documents out. No I/O, no clock.
        .target(name: "SitrepFormats"),
        // Pure: a document in, event records out. Built-in lexicons and gazetteer are resources.
        .target(
            name: "SitrepExtraction",
            dependencies: ["SitrepFormats"],
            resources: [.copy("Resources")]
        ),
        // Pure: event records in, CSV / GeoJSON / KML / SVG / HTML out. No I/O, no clock.
        .target(
            name: "SitrepExport",
            dependencies: ["SitrepFormats"],
            resources: [.copy("Resources")]
        ),
        // Metric names and the node_exporter textfile writer, shared by every long-running command.
        .target(
            name: "SitrepMetrics",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // Pure: text in, analysed sentences out (tokens, tags, lemmas, dependency trees, entities).
        // Models trained from open treebanks are resources.
        .target(name: "SitrepLanguage", resources: [.copy("Resources")]),
        // Training of the language models from the open data (scripts/train-language runs it).
        .executableTarget(name: "sitrep-train", dependencies: ["SitrepLanguage"]),
        // The I/O edge: inbox watching, state, the event log, systemd status.
        .target(
            name: "SitrepDaemon",
            dependencies: [
                "SitrepFormats",
                "SitrepExtraction",
                "CSystemd",
                "SitrepMetrics",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The NATS C client (libnats), found through pkg-config.
        .systemLibrary(
            name: "CNats",
            pkgConfig: "libnats",
            providers: [.apt(["libnats-dev"])]
        ),
        // Pure: shipping configuration, message keys, the shipper's window and the sink's batches.
        .target(name: "SitrepScaleout"),
        // The I/O edge of shipping: tailing the event log, JetStream, PostgreSQL.
        .target(
            name: "SitrepShip",
            dependencies: [
                "SitrepScaleout",
                "SitrepDaemon",
                "SitrepMetrics",
                "CNats",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Wiring only: command line, configuration, start-up.
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "SitrepDaemon",
                "SitrepFormats",
                "SitrepExtraction",
                "SitrepExport",
                "SitrepLanguage",
                "SitrepScaleout",
                "SitrepShip",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Bench only: trains and measures the dependency parser (bench/parser/run).
        .executableTarget(name: "sitrep-parser-bench", dependencies: ["SitrepLanguage"], path: "Sources/ParserBench"),
        .testTarget(name: "SitrepFormatsTests", dependencies: ["SitrepFormats"]),
        .testTarget(name: "SitrepExtractionTests", dependencies: ["SitrepExtraction", "SitrepFormats"]),
        .testTarget(name: "SitrepLanguageTests", dependencies: ["SitrepLanguage"]),
        .testTarget(name: "SitrepDaemonTests", dependencies: ["SitrepDaemon"]),
        .testTarget(name: "SitrepExportTests", dependencies: ["SitrepExport"]),
        .testTarget(name: "SitrepMetricsTests", dependencies: ["SitrepMetrics"]),
        .testTarget(name: "SitrepScaleoutTests", dependencies: ["SitrepScaleout"]),
        .testTarget(name: "SitrepShipTests", dependencies: ["SitrepShip", "SitrepScaleout", "SitrepMetrics"]),
        .testTarget(name: "IntegrationTests", dependencies: ["sitrep", "SitrepMetrics", "SitrepExport"]),
    ]
)
