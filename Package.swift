// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plan", targets: ["plan"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
        .library(name: "PlanGit", targets: ["PlanGit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // The domain: documents, units, timeframes, schema, rules, reporters. No git, no terminal.
        .target(
            name: "PlanKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The only importer of libgit2. Knows nothing of plans.
        .target(name: "PlanGit", dependencies: ["CLibgit2"]),
        .executableTarget(
            name: "plan",
            dependencies: [
                "PlanKit", "PlanGit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit"], resources: [.copy("Golden")]),
        .testTarget(name: "PlanGitTests", dependencies: ["PlanGit"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanKit", "plan"]),
    ],
    swiftLanguageModes: [.v6]
)
