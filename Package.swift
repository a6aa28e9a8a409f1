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
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
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
        // Where plans meet git: file sources over the index and commit trees, checks of changes, history.
        .target(name: "PlanRepo", dependencies: ["PlanKit", "PlanGit"]),
        // Word and OpenDocument packages: read into the plain text the importer reads (Reader), and the
        // office report written as WordprocessingML (Writer). Knows plans only through the import text
        // and the report model. No git, no terminal.
        .target(
            name: "PlanOffice",
            dependencies: ["PlanKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The editor integration: a Language Server over stdio. Knows nothing of git or the terminal.
        .target(name: "PlanLSP", dependencies: ["PlanKit"]),
        // The static site: pages, inline SVG timeline, escaping, Ink for Markdown. A pure function of the data it
        // is given (items, registry, status, history entries). Knows nothing of git or the terminal.
        .target(name: "PlanSite", dependencies: ["PlanKit", .product(name: "Ink", package: "Ink")]),
        .executableTarget(
            name: "plan",
            dependencies: [
                "PlanKit", "PlanGit", "PlanRepo", "PlanLSP", "PlanOffice", "PlanSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make corpus`: imports every plan of the development corpus and compares with the expected lists.
        .executableTarget(name: "PlanCorpus", dependencies: ["PlanKit"]),
        // The properties the fuzzers check, also replayed by the tests on every input a fuzzer found.
        .target(name: "PlanFuzz", dependencies: ["PlanKit", "PlanOffice"]),
        // Temporary folders, real git repositories and the real binary, for the test targets.
        .target(name: "TestSupport", dependencies: ["PlanKit"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PlanKitTests", dependencies: ["PlanKit", "PlanFuzz", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "PlanGitTests", dependencies: ["PlanGit", "TestSupport"]),
        .testTarget(
            name: "PlanRepoTests", dependencies: ["PlanRepo", "PlanKit", "PlanGit", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PlanLSPTests", dependencies: ["PlanLSP", "PlanKit"]),
        .testTarget(
            name: "PlanSiteTests", dependencies: ["PlanSite", "PlanKit", "TestSupport", "plan"], exclude: ["Golden"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanKit", "TestSupport", "plan"]),
        .testTarget(
            name: "PlanOfficeTests",
            dependencies: [
                "PlanOffice", "PlanKit", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` (PLAN_FUZZ=1 swift build --sanitize=fuzzer …, see Fuzz/run.sh) builds a package of just the library and the
// libFuzzer executable: libFuzzer provides the main function, so the other executables cannot link, and
// building the whole (smaller) package at once instruments every module alike.
if Context.environment["PLAN_FUZZ"] != nil {
    package.products = []
    package.targets = package.targets.filter { ["PlanKit", "PlanOffice", "PlanFuzz"].contains($0.name) }
    package.targets.append(
        .executableTarget(
            name: "FuzzPlan", dependencies: ["PlanFuzz"], path: "Fuzz/FuzzPlan",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
