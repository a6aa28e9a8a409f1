/// Every rule `plan` has. A test fails when a rule type exists that is not listed here.
public enum RuleRegistry {
    public static let fileRules: [any FileRule.Type] = [
        FileTooLargeRule.self, FileNotUTF8Rule.self, FileLegacyEncodingRule.self, FileMergeConflictRule.self,
        FileNoFrontMatterRule.self, FileUnterminatedFrontMatterRule.self, YAMLSyntaxRule.self, YAMLAnchorRule.self,
        FileSymlinkOutsideRule.self,
    ]

    public static let itemRules: [any ItemRule.Type] = [
        SchemaRequiredRule.self, SchemaTypeRule.self, SchemaEnumRule.self, SchemaUnknownKeyRule.self,
        SchemaPatternRule.self, SchemaConstraintRule.self,
        UnitUnknownRule.self, UnitAliasRule.self, UnitLeadCountRule.self, UnitTrailingTextRule.self,
        UnitSeveralInOneRule.self, UnitLeadInSupportRule.self, UnitDuplicateRule.self, UnitEndedRule.self,
        TimeframeUnparseableRule.self, TimeframeInvalidDateRule.self, TimeframeReversedRule.self,
        TimeframeOutOfPeriodRule.self, TimeframeOverdueRule.self, TimeframeNoDeadlineRule.self,
        TimeframeBlankRule.self, TimeframeYearAssumedRule.self,
        IDPlanMismatchRule.self,
        ProgressCompletedMissingRule.self, ProgressCompletedInvalidRule.self, ProgressCompletedFutureRule.self,
        ProgressEvidenceUnparseableRule.self, ProgressReasonMissingRule.self, ProgressResultsNotStartedRule.self,
    ]

    public static let documentRules: [any DocumentRule.Type] = [
        TextNotNFCRule.self, TextRepeatedWordRule.self, PlanPeriodInvalidRule.self,
    ]

    public static let workspaceRules: [any WorkspaceRule.Type] = [
        IDDuplicateRule.self, DependsOnMissingRule.self, DependsOnCycleRule.self, PlanHeaderMissingRule.self,
        TextCitationRule.self,
    ]

    /// Rules applied by the checker itself (suppressions).
    public static let engineRules: [any Rule.Type] = [SuppressionUnusedRule.self]

    /// Every rule's description, sorted by id. Built from each list as it is: converting the lists to
    /// `[any Rule.Type]` would look up protocol conformances at run time, which costs milliseconds.
    public static let descriptions: [RuleDescription] =
        (fileRules.map { $0.description } + itemRules.map { $0.description } + documentRules.map { $0.description }
        + workspaceRules.map { $0.description } + engineRules.map { $0.description }).sorted { $0.id < $1.id }

    private static let byID: [String: RuleDescription] = {
        var map: [String: RuleDescription] = [:]
        for d in descriptions {
            map[d.id] = d
            for a in d.aliases { map[a] = d }
        }
        return map
    }()

    public static func description(of id: String) -> RuleDescription? { byID[id] }
}
