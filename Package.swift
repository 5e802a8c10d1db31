// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Beacon",
    // Linux only: the poller waits on epoll, and nothing here is built or tested on Apple platforms.
    products: [
        .executable(name: "beacon", targets: ["beacon"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "BeaconCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "BeaconConfigFiles", dependencies: ["BeaconCore"], swiftSettings: strict),
        .target(
            name: "BeaconStore",
            dependencies: ["BeaconCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconPostgres",
            dependencies: [
                "BeaconCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconCurl",
            dependencies: ["BeaconCore", "CCurl"],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconApproval",
            dependencies: ["BeaconCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconMonitor",
            dependencies: [
                "BeaconCore", "BeaconCurl", "CCurl", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconNotify",
            dependencies: [
                "BeaconCore", "BeaconCurl", "BeaconApproval",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconServer",
            dependencies: [
                "BeaconCore", "BeaconApproval", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconTestSupport",
            dependencies: [
                "BeaconCore",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BeaconDemo",
            dependencies: [
                "BeaconCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "beacon",
            dependencies: [
                "BeaconCore", "BeaconConfigFiles", "BeaconStore", "BeaconPostgres", "BeaconCurl", "BeaconApproval",
                "BeaconMonitor", "BeaconNotify", "BeaconServer", "BeaconDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BeaconCoreTests", dependencies: ["BeaconCore", "BeaconConfigFiles", "BeaconTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconStoreTests",
            dependencies: ["BeaconStore", "BeaconTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconPostgresTests",
            dependencies: [
                "BeaconPostgres", "BeaconStore", "BeaconTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconMonitorTests",
            dependencies: [
                "BeaconMonitor", "BeaconStore", "BeaconCurl", "BeaconTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconNotifyTests",
            dependencies: [
                "BeaconNotify", "BeaconStore", "BeaconCurl", "BeaconApproval", "BeaconTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconServerTests",
            dependencies: [
                "BeaconServer", "BeaconStore", "BeaconApproval", "BeaconTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ], swiftSettings: strict),
        .testTarget(
            name: "BeaconEndToEndTests", dependencies: ["BeaconCore", "BeaconStore", "BeaconTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconDemoTests",
            dependencies: [
                "BeaconDemo", "BeaconNotify", "BeaconCurl", "BeaconApproval", "BeaconConfigFiles", "BeaconTestSupport",
            ],
            swiftSettings: strict),
    ]
)
