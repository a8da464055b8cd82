// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode is the package default;
/// these upcoming features are the ones our style anchors (swift-asn1, swift-certificates) enable.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "licscope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "licscope", targets: ["licscope"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module.
        .systemLibrary(
            name: "CPcap", pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // Vocabulary and the pure engine.
        .target(name: "LicensingModel", swiftSettings: strictSettings),
        .target(name: "StateEngine", dependencies: ["LicensingModel"], swiftSettings: strictSettings),

        // Ingestion.
        .target(name: "Inflate", dependencies: ["CZlib", "LicensingModel"], swiftSettings: strictSettings),
        .target(
            name: "TextIngest",
            dependencies: ["LicensingModel", "Inflate", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(
            name: "X509Inspect", dependencies: ["COpenSSL"], resources: [.copy("TrustAnchors")],
            swiftSettings: strictSettings),
        .target(
            name: "PacketIngest", dependencies: ["LicensingModel", "CPcap", "X509Inspect"],
            swiftSettings: strictSettings),
        .target(
            name: "BundleIngest", dependencies: ["LicensingModel", "Inflate"],
            swiftSettings: strictSettings),

        // Live pre-flight: DNS/TCP/proxy/TLS/HTTP/clock probes producing the capture pipeline's events.
        .target(
            name: "Preflight",
            dependencies: ["LicensingModel", "PacketIngest", "X509Inspect", "Rules", "Reports", "TextIngest"],
            swiftSettings: strictSettings),

        // Analysis and output.
        .target(name: "Timeline", dependencies: ["LicensingModel", "StateEngine"], swiftSettings: strictSettings),
        .target(
            name: "Rules",
            dependencies: ["LicensingModel", "StateEngine", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(
            name: "Reports", dependencies: ["LicensingModel", "StateEngine", "Timeline", "Rules"],
            swiftSettings: strictSettings),

        // The whole pipeline for one bundle: ingest, merge, replay, judge, report.
        .target(
            name: "Analysis",
            dependencies: [
                "LicensingModel", "StateEngine", "TextIngest", "PacketIngest", "BundleIngest", "Inflate", "Timeline",
                "Rules", "Reports",
            ],
            swiftSettings: strictSettings),

        // Batch triage: many bundles, each analyzed in its own limited process, one JSON line each.
        .target(name: "Triage", dependencies: ["LicensingModel", "Rules", "Reports"], swiftSettings: strictSettings),

        // The thin executable.
        .executableTarget(
            name: "licscope",
            dependencies: [
                "LicensingModel", "StateEngine", "TextIngest", "PacketIngest", "BundleIngest", "Timeline",
                "Rules", "Reports", "Analysis", "Preflight", "Triage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),

        // Fuzzing: the targets (a library, built and replayed in every test run) and the libFuzzer driver
        // (`make fuzz` builds it with -sanitize=fuzzer,address and -DLICSCOPE_FUZZ; otherwise it replays files).
        .target(
            name: "FuzzTargets",
            dependencies: ["BundleIngest", "PacketIngest", "X509Inspect", "TextIngest", "Rules"],
            swiftSettings: strictSettings),
        .executableTarget(name: "licscope-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strictSettings),

        // Tests (Swift Testing), one target per module, and what several of them share.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "LicensingModelTests", dependencies: ["TestSupport", "LicensingModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "StateEngineTests", dependencies: ["TestSupport", "StateEngine", "LicensingModel", "TextIngest"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "TextIngestTests", dependencies: ["TestSupport", "TextIngest", "LicensingModel", "Inflate"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "InflateTests", dependencies: ["Inflate"], swiftSettings: strictSettings),
        .testTarget(
            name: "PacketIngestTests", dependencies: ["TestSupport", "PacketIngest", "X509Inspect", "LicensingModel"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "BundleIngestTests", dependencies: ["TestSupport", "BundleIngest", "LicensingModel", "Inflate"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "TimelineTests", dependencies: ["Timeline", "StateEngine", "LicensingModel"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RulesTests", dependencies: ["TestSupport", "Rules", "StateEngine", "LicensingModel"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Timeline", "Rules", "StateEngine", "LicensingModel"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["TestSupport", "Analysis", "Reports", "Rules", "StateEngine", "TextIngest", "Timeline", "LicensingModel",
                .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "Rules"], swiftSettings: strictSettings),
        .testTarget(
            name: "PreflightTests",
            dependencies: ["TestSupport", "Preflight", "PacketIngest", "Rules", "LicensingModel", "TextIngest"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "licscopeTests", dependencies: ["licscope", "TestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
    ]
)
