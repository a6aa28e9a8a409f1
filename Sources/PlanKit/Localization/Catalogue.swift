/// Every message `plan` prints about a user's files, in Vietnamese and English.
///
/// Templates are short lowercase fragments without a final period; `{0}`, `{1}` … are the arguments,
/// which are the user's own text (quoted with `Catalogue.quote`) or numbers, never words to translate.
public enum MessageID: String, CaseIterable, Sendable {
    // file
    case fileTooLarge, fileFrontMatterTooLarge, fileLineTooLong, fileNotUTF8, fileLegacyEncoding, fileLegacyEncodingText
    case fileMergeConflict, fileFrontMatterNotFirst, fileEmpty, fileNoFrontMatter, fileUnterminatedFrontMatter
    case fileSymlinkOutside
    // yaml
    case yamlSyntax, yamlControlCharacter, yamlComplexKey, yamlAnchor, yamlDuplicateKey, yamlTooDeep
    // schema findings
    case schemaFalse, schemaType, schemaEnum, schemaConst, schemaMultipleOf, schemaMaximum, schemaExclusiveMaximum
    case schemaMinimum, schemaExclusiveMinimum, schemaMaxLength, schemaEmpty, schemaMinLength, schemaPattern
    case schemaFormat, schemaMaxItems, schemaMinItems, schemaUniqueItems, schemaContains, schemaMaxContains
    case schemaMaxProperties, schemaMinProperties, schemaRequired, schemaDependentRequired, schemaUnknownKey
    case schemaUnknownKeySuggest, schemaPropertyName, schemaAnyOf, schemaOneOf, schemaNot, schemaUnevaluatedItem
    // schema problems (configuration)
    case schemaBadRef, schemaRefLoop, schemaNotASchema, schemaBadKeywordValue, schemaBadPattern,
        schemaUnsupportedKeyword, schemaRemoteRef
    // units
    case unitUnknown, unitUnknownSuggest, unitAlias, unitRespelled, unitTrailingText, unitLeadSeveral, unitLeadEmpty
    case unitLeadList, unitSupportSeveral, unitLeadInSupport, unitDuplicate, unitEnded, unitEndedSuccessor
    // timeframes
    case timeframeUnparseable, timeframeInvalidDate, timeframeReversed, timeframeOutOfPeriod, timeframeOverdue
    case timeframeNoDeadline, timeframeBlank, timeframeYearAssumed
    // workspace
    case idDuplicate, idPlanMismatch, dependsMissing, dependsCycle, dependsSelf, planHeaderMissing, planPeriodInvalid
    // text
    case textNotNFC, textRepeatedWord, textCitationInconsistent
    // suppression
    case suppressionUnused, suppressionUnknownRule
    // configuration and workspace problems (exit code 2)
    case configNotAWorkspace, configMissingFile, ioError, configNotMapping, configBadValue, configUnknownRule
    case configUnknownRuleSuggest, configBadSeverity, configUnknownKey, configUnknownKeySuggest, configBadJSON
    case configSchemaError, tooManyItems, unitsMissingList, unitsBadEntry, unitsMissingName, unitsDuplicateID
    case unitsDuplicateName, unitsBadDate, unitsEndsBeforeStart, unitsUnknownSuccessor, unitsSuccessorCycle
    case gitError, notARepository
    // hooks and git checks
    case hookBlocked, hookPushBlocked, rangeCommit, rangeSummary, sarifTruncated
    case hookPathSet, hookPathKept, hookPathRefused, hookWritten, hookKept, hookBinaryRecorded, hookOldIgnored, hookBare
    // reports
    case reportAdded, reportAddedUntitled, reportRemoved, reportMoved, reportStatus, reportLead, reportLeadRespelled,
        reportSupport
    case reportSupportRespelled, reportTimeframeLater, reportTimeframeEarlier, reportTimeframe, reportTitle, reportID
    case reportBody, reportField, reportFieldAdded, reportFieldRemoved, reportEmpty, reportNoLead
    // status and period summaries
    case statusTitle, statusByUnit, statusUnit, statusTotal, statusOverdue, statusOverdueLine, statusUpcoming
    case statusDueLine, statusReports, statusNone, statusPlanned, statusInProgress, statusDone, statusBlocked
    case statusCancelled, periodTitle, periodLeads, periodChanges, periodOverdue, periodNoChanges
    // commit messages and changelog
    case summaryHeader, summarySubject, summaryFailed, changelogTitle, changelogMonth, changelogPeriod, changelogWritten
    case changelogUpToDate
    // fixes and baselines
    case fixApplied, fixWouldApply, fixSummary, fixNothing, fixFileChanged, baselineBad, baselineWritten,
        baselineFiltered
    // import
    case importNotText, importTooLarge, importBadID, importExists, importUnsafePath
    case importNoItems, importWritten, importWouldWrite, importLayout, importLayoutList, importLayoutTable,
        importLayoutByUnit
    case importMissingHeader, importMissingLine, importFieldLead, importFieldTimeframe, importUnknownHeader
    case importUnknownLine, importUnitsAdded, importUnitsNotAdded, importNotesHeader, importUnletteredLine,
        importLegacyTextLine
    case importDuplicateLine, importRepeatedLine, importUnplacedHeader, importUnplacedLine, importItemsMoved, importNext
    case importSeveralLeadsLine, importStandingLine, importStandingImported, importNoSection
    // init, new, list, units
    case initExists, initWrote, initGitCreated, initGitFound, initNext, initNextImport, initNextNew, initNextCommit
    case newWrote, newTimeframeDefault, newBadSection, newNoPlan, newPlanCreated, newLeadSeveral, newExists
    case listID, listStatus, listDue, listLead, listTitle, listSupport, listTimeframe, listPath, listOverdue,
        listSummary
    case unitsID, unitsName, unitsKind, unitsLeads, unitsSupports, unitsUnknown, unitsLifetime, unitsOn
    // progress
    case progressCompletedMissing, progressCompletedInvalid, progressCompletedFuture, progressEvidenceNoNumber
    case progressEvidenceMixedStyle, progressEvidenceNoDate, progressEvidenceInvalidDate, progressEvidenceNoKind
    case progressReasonMissing, progressResultsNotStarted, statusStopped
    case stateDoneOnTime, stateDoneLate, stateOpenInTime, stateOverdue, figuresTitle, figuresDue, figuresOnTimeShare
    case figuresHeadline, progressCannotWrite, progressNoItem, progressAmbiguous, progressRefused, progressWritten
    case progressNothing, officeChoosePlan, officeNeedsPeriod, officeNeedsOutput
    // who may change what (server hooks)
    case accessAddNeedsAdmin, accessRemoveNeedsAdmin, accessMoveNeedsAdmin, accessFileNeedsAdmin, accessFieldNeedsAdmin
    case accessFieldNeedsMember, accessRejected, accessWarned, accessNoPusher, accessPusher
    case serverHookWritten, serverHookKept, serverHookForeign, serverHookNotBare
    // editor integration
    case lspFix, lspFixAll
    // static site
    case siteWritten, siteNoHistory
}

extension Catalogue {
    static let table: [MessageID: Localized] = [
        .fileTooLarge: Localized(
            en: "file is {0} bytes, more than the {1} bytes an item file may have",
            vi: "tệp dài {0} byte, vượt giới hạn {1} byte của một tệp nhiệm vụ"),
        .fileFrontMatterTooLarge: Localized(
            en: "front-matter is {0} bytes, more than the limit of {1}",
            vi: "phần khai báo (front-matter) dài {0} byte, vượt giới hạn {1} byte"),
        .fileLineTooLong: Localized(
            en: "line is {0} bytes long, more than the limit of {1}",
            vi: "dòng dài {0} byte, vượt giới hạn {1} byte"),
        .fileNotUTF8: Localized(
            en: "file is not UTF-8: byte {1} at offset {0} is invalid; save it as UTF-8",
            vi: "tệp không ở mã UTF-8: byte {1} tại vị trí {0} không hợp lệ; hãy lưu tệp theo mã UTF-8"),
        .fileLegacyEncoding: Localized(
            en: "file looks like {0} text (invalid UTF-8 from offset {1}); convert this file to Unicode (UTF-8)",
            vi: "tệp có vẻ dùng bảng mã {0} (không phải UTF-8 từ vị trí {1}); hãy chuyển tệp sang Unicode (UTF-8)"),
        .fileLegacyEncodingText: Localized(
            en: "text looks like {0} text shown as Unicode (mojibake); convert this file to Unicode",
            vi: "văn bản có vẻ là chữ mã {0} bị hiển thị sai; hãy chuyển tệp sang Unicode"),
        .fileMergeConflict: Localized(
            en: "unresolved merge conflict: keep one side and remove the <<<<<<<, ======= and >>>>>>> lines",
            vi:
                "xung đột khi gộp (merge) chưa giải quyết: giữ một phiên bản và xóa các dòng <<<<<<<, ======= và >>>>>>>"
        ),
        .fileFrontMatterNotFirst: Localized(
            en: "front-matter must start on the first line; remove the lines above ---",
            vi: "phần khai báo phải bắt đầu ở dòng đầu tiên; hãy xóa các dòng phía trên ---"),
        .fileEmpty: Localized(
            en: "file is empty; an item starts with a front-matter between --- lines",
            vi: "tệp rỗng; một nhiệm vụ bắt đầu bằng phần khai báo giữa hai dòng ---"),
        .fileNoFrontMatter: Localized(
            en: "no front-matter: an item file starts with a --- line, its fields, and another --- line",
            vi: "thiếu phần khai báo: tệp nhiệm vụ bắt đầu bằng dòng ---, các trường, rồi một dòng --- nữa"),
        .fileUnterminatedFrontMatter: Localized(
            en: "front-matter opened here is never closed; add a --- line after the last field",
            vi: "phần khai báo mở ở đây chưa được đóng; thêm dòng --- sau trường cuối cùng"),
        .fileSymlinkOutside: Localized(
            en: "symbolic link points outside the workspace ({0}); not followed",
            vi: "liên kết tượng trưng trỏ ra ngoài thư mục làm việc ({0}); không đọc"),
        .yamlSyntax: Localized(
            en: "YAML syntax error: {0}",
            vi: "lỗi cú pháp YAML: {0}"),
        .yamlControlCharacter: Localized(
            en: "control character {0} in the front-matter (YAML allows none); delete it",
            vi: "ký tự điều khiển {0} trong phần khai báo (YAML không cho phép); hãy xóa ký tự này"),
        .yamlComplexKey: Localized(
            en: "a key must be plain text, not a list or a mapping",
            vi: "tên trường phải là chữ, không phải danh sách hay bảng"),
        .yamlAnchor: Localized(
            en: "YAML anchors and aliases (& and *) are not allowed in front-matter; write the value out, or quote it",
            vi:
                "không dùng neo và bí danh YAML (& và *) trong phần khai báo; hãy viết giá trị đầy đủ hoặc đặt trong ngoặc kép"
        ),
        .yamlDuplicateKey: Localized(
            en: "key written twice: {0}; keep one",
            vi: "trường bị lặp: {0}; chỉ giữ một"),
        .yamlTooDeep: Localized(
            en: "nesting deeper than {0} levels",
            vi: "lồng nhau sâu quá {0} cấp"),
        .schemaFalse: Localized(
            en: "value not allowed here",
            vi: "không được có giá trị ở đây"),
        .schemaType: Localized(
            en: "expected {0}, found {1}",
            vi: "cần kiểu {0}, nhưng có {1}"),
        .schemaEnum: Localized(
            en: "value not allowed; use one of {0}",
            vi: "giá trị không hợp lệ; dùng một trong các giá trị {0}"),
        .schemaConst: Localized(
            en: "value must be {0}",
            vi: "giá trị phải là {0}"),
        .schemaMultipleOf: Localized(
            en: "value must be a multiple of {0}",
            vi: "giá trị phải là bội số của {0}"),
        .schemaMaximum: Localized(en: "value must be at most {0}", vi: "giá trị không được lớn hơn {0}"),
        .schemaExclusiveMaximum: Localized(en: "value must be less than {0}", vi: "giá trị phải nhỏ hơn {0}"),
        .schemaMinimum: Localized(en: "value must be at least {0}", vi: "giá trị không được nhỏ hơn {0}"),
        .schemaExclusiveMinimum: Localized(en: "value must be greater than {0}", vi: "giá trị phải lớn hơn {0}"),
        .schemaMaxLength: Localized(en: "text longer than {0} characters", vi: "văn bản dài quá {0} ký tự"),
        .schemaEmpty: Localized(en: "value is empty", vi: "giá trị đang để trống"),
        .schemaMinLength: Localized(en: "text shorter than {0} characters", vi: "văn bản ngắn hơn {0} ký tự"),
        .schemaPattern: Localized(
            en: "value does not have the required form ({0})",
            vi: "giá trị không đúng dạng quy định ({0})"),
        .schemaFormat: Localized(
            en: "value is not a valid {0}",
            vi: "giá trị không phải {0} hợp lệ"),
        .schemaMaxItems: Localized(en: "more than {0} entries", vi: "nhiều hơn {0} mục"),
        .schemaMinItems: Localized(en: "fewer than {0} entries", vi: "ít hơn {0} mục"),
        .schemaUniqueItems: Localized(en: "entry repeated", vi: "mục bị lặp lại"),
        .schemaContains: Localized(en: "fewer than {0} matching entries", vi: "ít hơn {0} mục phù hợp"),
        .schemaMaxContains: Localized(en: "more than {0} matching entries", vi: "nhiều hơn {0} mục phù hợp"),
        .schemaMaxProperties: Localized(en: "more than {0} fields", vi: "nhiều hơn {0} trường"),
        .schemaMinProperties: Localized(en: "fewer than {0} fields", vi: "ít hơn {0} trường"),
        .schemaRequired: Localized(
            en: "required field ‘{0}’ is missing",
            vi: "thiếu trường bắt buộc ‘{0}’"),
        .schemaDependentRequired: Localized(
            en: "field ‘{0}’ is required when ‘{1}’ is given",
            vi: "cần có trường ‘{0}’ khi đã có ‘{1}’"),
        .schemaUnknownKey: Localized(
            en: "unknown field ‘{0}’",
            vi: "trường không xác định ‘{0}’"),
        .schemaUnknownKeySuggest: Localized(
            en: "unknown field ‘{0}’; did you mean ‘{1}’?",
            vi: "trường không xác định ‘{0}’; có phải là ‘{1}’?"),
        .schemaPropertyName: Localized(
            en: "field name ‘{0}’ is not allowed",
            vi: "không được dùng tên trường ‘{0}’"),
        .schemaAnyOf: Localized(
            en: "value matches none of the allowed forms",
            vi: "giá trị không khớp với dạng nào được phép"),
        .schemaOneOf: Localized(
            en: "value matches more than one of the exclusive forms",
            vi: "giá trị khớp với nhiều hơn một dạng loại trừ nhau"),
        .schemaNot: Localized(en: "value has a form that is not allowed", vi: "giá trị có dạng không được phép"),
        .schemaUnevaluatedItem: Localized(en: "entry not allowed here", vi: "không được có mục này ở đây"),
        .schemaBadRef: Localized(
            en: "$ref {0} points to nothing in this schema",
            vi: "$ref {0} không trỏ tới phần nào trong lược đồ"),
        .schemaRefLoop: Localized(
            en:
                "the subschema at {0} applies itself to the same value again ($ref, allOf … in a loop): validation would never end",
            vi:
                "lược đồ con tại {0} tự áp dụng lại cho cùng giá trị ($ref, allOf … vòng lặp): việc kiểm tra sẽ không bao giờ kết thúc"
        ),
        .schemaNotASchema: Localized(
            en: "a schema must be an object or a boolean",
            vi: "một lược đồ phải là đối tượng hoặc giá trị đúng/sai"),
        .schemaBadKeywordValue: Localized(
            en: "keyword ‘{0}’ has a value of the wrong kind",
            vi: "từ khóa ‘{0}’ có giá trị sai kiểu"),
        .schemaBadPattern: Localized(
            en: "pattern {0} is not a valid regular expression",
            vi: "mẫu {0} không phải biểu thức chính quy hợp lệ"),
        .schemaUnsupportedKeyword: Localized(
            en: "keyword ‘{0}’ is not supported by plan; remove it or see the README for the supported keywords",
            vi: "plan không hỗ trợ từ khóa ‘{0}’; hãy bỏ nó hoặc xem README để biết các từ khóa được hỗ trợ"),
        .schemaRemoteRef: Localized(
            en: "$ref {0} points outside this schema; plan reads one schema file and fetches nothing",
            vi: "$ref {0} trỏ ra ngoài lược đồ; plan chỉ đọc một tệp lược đồ và không tải gì từ mạng"),
        .unitUnknown: Localized(
            en: "unknown unit {0}; add it to schemas/units.yaml or correct the name",
            vi: "đơn vị không có trong danh mục: {0}; hãy thêm vào schemas/units.yaml hoặc sửa lại tên"),
        .unitUnknownSuggest: Localized(
            en: "unknown unit {0}; did you mean {1}?",
            vi: "đơn vị không có trong danh mục: {0}; có phải là {1}?"),
        .unitAlias: Localized(
            en: "{0} is another name of {1}; write the registered name",
            vi: "{0} là tên gọi khác của {1}; hãy ghi đúng tên trong danh mục"),
        .unitRespelled: Localized(
            en: "{0} is spelled differently from the registry: {1}",
            vi: "{0} viết khác với danh mục: {1}"),
        .unitTrailingText: Localized(
            en: "{0} is followed by other text ({1}); keep only the unit here and move the rest to the body",
            vi: "sau tên {0} còn nội dung khác ({1}); chỉ ghi tên đơn vị ở đây và chuyển phần còn lại xuống nội dung"),
        .unitLeadSeveral: Localized(
            en: "lead names {0} units ({1}); an item has exactly one lead, the others go in support",
            vi:
                "mục chủ trì ghi {0} đơn vị ({1}); mỗi nhiệm vụ chỉ có một đơn vị chủ trì, các đơn vị khác ghi vào phối hợp"
        ),
        .unitLeadEmpty: Localized(
            en: "lead is empty; name the one unit in charge",
            vi: "chưa ghi đơn vị chủ trì; hãy ghi một đơn vị chịu trách nhiệm"),
        .unitLeadList: Localized(
            en: "lead is a list of {0}; an item has exactly one lead, the others go in support",
            vi:
                "mục chủ trì là danh sách {0} đơn vị; mỗi nhiệm vụ chỉ có một đơn vị chủ trì, các đơn vị khác ghi vào phối hợp"
        ),
        .unitSupportSeveral: Localized(
            en: "one entry names {0} units ({1}); put each unit on its own line",
            vi: "một mục ghi {0} đơn vị ({1}); hãy ghi mỗi đơn vị trên một dòng"),
        .unitLeadInSupport: Localized(
            en: "{0} leads this item and is listed in support too",
            vi: "{0} là đơn vị chủ trì nhưng cũng được ghi ở phối hợp"),
        .unitDuplicate: Localized(
            en: "{0} is listed twice",
            vi: "{0} được ghi hai lần"),
        .unitEnded: Localized(
            en:
                "{0} ceased to exist after {1} and the registry names no successor: assign the open item to a unit that exists",
            vi:
                "{0} đã thôi hoạt động sau ngày {1} và danh mục không ghi đơn vị kế thừa: hãy giao nhiệm vụ chưa xong cho một đơn vị đang hoạt động"
        ),
        .unitEndedSuccessor: Localized(
            en: "{0} ceased to exist after {1}; its work passed to {2} (plan check --fix moves the open item there)",
            vi:
                "{0} đã thôi hoạt động sau ngày {1}; công việc chuyển cho {2} (plan check --fix chuyển nhiệm vụ chưa xong sang đơn vị này)"
        ),
        .timeframeUnparseable: Localized(
            en:
                "timeframe {0} is not understood; write e.g. ‘Tháng 9/2021’, ‘Trước ngày 30/6/2022’, ‘Quý III/2022’, ‘Thường xuyên’, ‘Hằng năm’, ‘Sau khi …’",
            vi:
                "không hiểu thời gian {0}; hãy viết ví dụ ‘Tháng 9/2021’, ‘Trước ngày 30/6/2022’, ‘Quý III/2022’, ‘Thường xuyên’, ‘Hằng năm’, ‘Sau khi …’"
        ),
        .timeframeNoDeadline: Localized(
            en:
                "timeframe {0} depends on an event and sets no deadline; add ‘due: YYYY-MM-DD’ when the office sets one",
            vi: "thời gian {0} tính theo một sự kiện nên không có hạn; thêm ‘due: YYYY-MM-DD’ khi cơ quan định hạn"),
        .timeframeBlank: Localized(
            en: "timeframe {0} has blanks still to fill in",
            vi: "thời gian {0} còn chỗ trống chưa điền"),
        .timeframeYearAssumed: Localized(
            en: "timeframe {0} gives no year: read as {1}, the first year of the plan period {2}",
            vi: "thời gian {0} không ghi năm: hiểu là năm {1}, năm đầu của giai đoạn kế hoạch {2}"),
        .timeframeInvalidDate: Localized(
            en: "{0} is not a date",
            vi: "{0} không phải là ngày có thật"),
        .timeframeReversed: Localized(
            en: "timeframe starts ({0}) after it ends ({1})",
            vi: "thời gian bắt đầu ({0}) sau thời gian kết thúc ({1})"),
        .timeframeOutOfPeriod: Localized(
            en: "timeframe {0} falls outside the plan period {1} – {2}",
            vi: "thời gian {0} nằm ngoài giai đoạn của kế hoạch {1} – {2}"),
        .timeframeOverdue: Localized(
            en: "overdue: due {0} ({1} days ago), status is ‘{2}’",
            vi: "quá hạn: hạn {3} (đã quá {1} ngày), trạng thái đang là ‘{2}’"),
        .idDuplicate: Localized(
            en: "id {0} is also used by {1}",
            vi: "mã {0} trùng với {1}"),
        .idPlanMismatch: Localized(
            en: "id {0} should start with the plan’s id ‘{1}/’ (the folder it is in)",
            vi: "mã {0} phải bắt đầu bằng mã kế hoạch ‘{1}/’ (thư mục chứa tệp)"),
        .dependsMissing: Localized(
            en: "depends on {0}, which no item has as its id",
            vi: "phụ thuộc vào {0}, nhưng không có nhiệm vụ nào mang mã này"),
        .dependsCycle: Localized(
            en: "dependency cycle: {0}",
            vi: "phụ thuộc vòng tròn: {0}"),
        .dependsSelf: Localized(
            en: "item depends on itself",
            vi: "nhiệm vụ phụ thuộc vào chính nó"),
        .planHeaderMissing: Localized(
            en: "plan ‘{0}’ has no plan.md (its title, issuer and period)",
            vi: "kế hoạch ‘{0}’ chưa có tệp plan.md (tên, cơ quan ban hành, giai đoạn)"),
        .planPeriodInvalid: Localized(
            en: "period {0} is not understood; write e.g. ‘2021-2025’",
            vi: "không hiểu giai đoạn {0}; hãy viết ví dụ ‘2021-2025’"),
        .textNotNFC: Localized(
            en:
                "text is not in Unicode NFC form (letters and accents stored apart); it looks the same but compares differently",
            vi: "văn bản không ở dạng Unicode dựng sẵn (NFC): chữ và dấu tách rời, nhìn giống nhưng so sánh sẽ khác"),
        .textRepeatedWord: Localized(
            en: "{0} is written twice in a row",
            vi: "{0} bị viết lặp hai lần liên tiếp"),
        .textCitationInconsistent: Localized(
            en: "document number {0} is written {1} elsewhere; cite it one way",
            vi: "số hiệu văn bản {0} ở chỗ khác được viết là {1}; hãy ghi thống nhất một cách"),
        .suppressionUnused: Localized(
            en: "plan-disable: {0} suppresses nothing in this file; remove it",
            vi: "plan-disable: {0} không tắt cảnh báo nào trong tệp này; hãy bỏ đi"),
        .suppressionUnknownRule: Localized(
            en: "plan-disable names an unknown rule {0}",
            vi: "plan-disable ghi một quy tắc không tồn tại {0}"),
        .configNotAWorkspace: Localized(
            en:
                "not a plan workspace: no plan.yaml in {0} or any folder above it (run ‘plan init’, or pass --workspace DIR)",
            vi:
                "không phải thư mục kế hoạch: không có plan.yaml trong {0} hay thư mục cha nào (hãy chạy ‘plan init’ hoặc dùng --workspace THƯ_MỤC)"
        ),
        .configMissingFile: Localized(
            en: "workspace file {0} is missing (‘plan init’ writes a default one)",
            vi: "thiếu tệp {0} của thư mục kế hoạch (‘plan init’ tạo tệp mặc định)"),
        .ioError: Localized(en: "{0}: {1}", vi: "{0}: {1}"),
        .configNotMapping: Localized(
            en: "expected a list of settings (key: value)",
            vi: "cần một danh sách thiết lập (tên: giá trị)"),
        .configBadValue: Localized(
            en: "value of ‘{0}’ is not valid",
            vi: "giá trị của ‘{0}’ không hợp lệ"),
        .configUnknownRule: Localized(
            en: "unknown rule ‘{0}’ (see ‘plan rules’)",
            vi: "không có quy tắc ‘{0}’ (xem ‘plan rules’)"),
        .configUnknownRuleSuggest: Localized(
            en: "unknown rule ‘{0}’; did you mean ‘{1}’?",
            vi: "không có quy tắc ‘{0}’; có phải là ‘{1}’?"),
        .configBadSeverity: Localized(
            en: "severity ‘{0}’ is not one of error, warning, info, off",
            vi: "mức ‘{0}’ không phải error, warning, info hay off"),
        .configUnknownKey: Localized(
            en: "unknown setting ‘{0}’",
            vi: "thiết lập không xác định ‘{0}’"),
        .configUnknownKeySuggest: Localized(
            en: "unknown setting ‘{0}’; did you mean ‘{1}’?",
            vi: "thiết lập không xác định ‘{0}’; có phải là ‘{1}’?"),
        .configBadJSON: Localized(
            en: "not valid JSON: {0}",
            vi: "không phải JSON hợp lệ: {0}"),
        .configSchemaError: Localized(
            en: "schema cannot be used at {0}: {1}",
            vi: "không dùng được lược đồ tại {0}: {1}"),
        .tooManyItems: Localized(
            en: "{0} item files, more than the limit of {1}",
            vi: "có {0} tệp nhiệm vụ, vượt giới hạn {1}"),
        .unitsMissingList: Localized(
            en: "expected ‘units:’ followed by a list of units",
            vi: "cần có ‘units:’ và danh sách các đơn vị"),
        .unitsBadEntry: Localized(
            en: "each unit is a set of fields: id, name, aliases, kind, from, until, successor, members",
            vi: "mỗi đơn vị gồm các trường: id, name, aliases, kind, from, until, successor, members"),
        .unitsMissingName: Localized(
            en: "unit without a name",
            vi: "đơn vị chưa có tên (name)"),
        .unitsDuplicateID: Localized(
            en: "unit id ‘{0}’ is also used on line {1}",
            vi: "mã đơn vị ‘{0}’ đã dùng ở dòng {1}"),
        .unitsDuplicateName: Localized(
            en: "name {0} also belongs to unit ‘{1}’",
            vi: "tên {0} đã thuộc về đơn vị ‘{1}’"),
        .unitsBadDate: Localized(
            en: "‘{0}’ must be a date (2025-07-01 or 1/7/2025), not {1}",
            vi: "‘{0}’ phải là một ngày (2025-07-01 hoặc 1/7/2025), không phải {1}"),
        .unitsEndsBeforeStart: Localized(
            en: "the unit ends ({0}) before it starts ({1})",
            vi: "đơn vị kết thúc ({0}) trước khi bắt đầu ({1})"),
        .unitsUnknownSuccessor: Localized(
            en: "successor {0} is not the id of another unit of the registry",
            vi: "đơn vị kế thừa {0} không phải mã của một đơn vị khác trong danh mục"),
        .unitsSuccessorCycle: Localized(
            en: "following the successors from {0} comes back to a unit already passed",
            vi: "chuỗi đơn vị kế thừa bắt đầu từ {0} quay lại một đơn vị đã đi qua"),
        .gitError: Localized(en: "git: {0}", vi: "lỗi git: {0}"),
        .notARepository: Localized(
            en: "not a git repository: {0} (run ‘git init’, or ‘plan init’ which does it)",
            vi: "không phải kho git: {0} (hãy chạy ‘git init’, hoặc ‘plan init’ để tạo)"),
        .sarifTruncated: Localized(
            en:
                "{0} of {1} findings are in this file, the most severe first: code scanning rejects a run of more than {2} results; plan check lists them all",
            vi:
                "tệp này có {0} trong số {1} phát hiện, nghiêm trọng trước: code scanning từ chối một lần chạy có hơn {2} kết quả; plan check liệt kê đầy đủ"
        ),
        .hookPushBlocked: Localized(
            en:
                "push rejected by plan: the pushed commits have the errors above; correct those commits (git commit --amend, git rebase -i) and push again",
            vi:
                "plan từ chối lần đẩy (push): các commit được đẩy có các lỗi ở trên; hãy sửa chính các commit đó (git commit --amend, git rebase -i) rồi đẩy lại"
        ),
        .hookBlocked: Localized(
            en:
                "commit stopped by plan: fix the errors above and commit again (to commit anyway: git commit --no-verify)",
            vi: "plan đã dừng commit: hãy sửa các lỗi trên rồi commit lại (nếu vẫn muốn commit: git commit --no-verify)"
        ),
        .rangeCommit: Localized(en: "commit {0} {1}", vi: "commit {0} {1}"),
        .rangeSummary: Localized(
            en: "{0} commits checked: {1} errors, {2} warnings",
            vi: "đã kiểm tra {0} commit: {1} lỗi, {2} cảnh báo"),
        .hookPathSet: Localized(
            en: "set core.hooksPath to {0}: git now runs the hooks in that folder",
            vi: "đã đặt core.hooksPath là {0}: git sẽ chạy các hook trong thư mục này"),
        .hookPathKept: Localized(
            en: "core.hooksPath is already {0}",
            vi: "core.hooksPath đã là {0}"),
        .hookPathRefused: Localized(
            en: "core.hooksPath is already {0}; plan leaves it alone (run again with --force to replace it with {1})",
            vi: "core.hooksPath đang là {0}; plan không thay đổi (chạy lại với --force để đổi thành {1})"),
        .hookWritten: Localized(en: "wrote {0}", vi: "đã tạo {0}"),
        .hookKept: Localized(
            en: "kept {0} as it is (it differs from plan's; delete it and run again to get plan's)",
            vi: "giữ nguyên {0} (khác với bản của plan; xóa tệp rồi chạy lại để dùng bản của plan)"),
        .hookBinaryRecorded: Localized(
            en: "recorded the plan program for the hooks: git config plan.path {0}",
            vi: "đã ghi đường dẫn chương trình plan cho các hook: git config plan.path {0}"),
        .hookOldIgnored: Localized(
            en: "note: git no longer runs {0} (hooks now come from {1}); move what it does there if you still need it",
            vi: "lưu ý: git sẽ không chạy {0} nữa (hook giờ lấy từ {1}); hãy chuyển nội dung sang đó nếu vẫn cần"),
        .hookBare: Localized(
            en: "{0} is a bare repository: install .githooks/pre-receive in its hooks folder instead (see the README)",
            vi: "{0} là kho trống (bare): hãy cài .githooks/pre-receive vào thư mục hooks của kho (xem README)"),
        .reportAdded: Localized(en: "added: {0}", vi: "thêm mới: {0}"),
        .reportAddedUntitled: Localized(en: "added", vi: "thêm mới"),
        .reportRemoved: Localized(en: "removed", vi: "đã xóa"),
        .reportMoved: Localized(en: "moved from {0} to {1}", vi: "chuyển từ {0} sang {1}"),
        .reportStatus: Localized(en: "status {0} → {1}", vi: "trạng thái {0} → {1}"),
        .reportLead: Localized(en: "lead {0} → {1}", vi: "chủ trì {0} → {1}"),
        .reportLeadRespelled: Localized(
            en: "lead written {1} instead of {0} (same unit)",
            vi: "chủ trì ghi lại là {1} thay cho {0} (cùng đơn vị)"),
        .reportSupport: Localized(en: "support {0}", vi: "phối hợp {0}"),
        .reportSupportRespelled: Localized(
            en: "support units written differently (same units)",
            vi: "đơn vị phối hợp được ghi lại tên (cùng các đơn vị)"),
        .reportTimeframeLater: Localized(
            en: "deadline moved later from {0} to {1} ({2} days)",
            vi: "thời gian lùi từ {0} sang {1} ({2} ngày)"),
        .reportTimeframeEarlier: Localized(
            en: "deadline moved earlier from {0} to {1} ({2} days)",
            vi: "thời gian đưa sớm từ {0} sang {1} ({2} ngày)"),
        .reportTimeframe: Localized(en: "timeframe {0} → {1}", vi: "thời gian {0} → {1}"),
        .reportTitle: Localized(en: "title {0} → {1}", vi: "tên nhiệm vụ {0} → {1}"),
        .reportID: Localized(en: "id {0} → {1}", vi: "mã {0} → {1}"),
        .reportBody: Localized(en: "text edited (+{0} −{1} lines)", vi: "sửa nội dung (+{0} −{1} dòng)"),
        .reportField: Localized(en: "{0} {1} → {2}", vi: "trường {0}: {1} → {2}"),
        .reportFieldAdded: Localized(en: "{0} set to {1}", vi: "thêm trường {0}: {1}"),
        .reportFieldRemoved: Localized(en: "{0} removed", vi: "bỏ trường {0}"),
        .reportEmpty: Localized(
            en: "No plan item changed in these commits.", vi: "Không có nhiệm vụ nào thay đổi trong các commit này."),
        .reportNoLead: Localized(en: "(no lead unit)", vi: "(chưa có đơn vị chủ trì)"),
        .statusTitle: Localized(en: "Plan status on {0}", vi: "Tình hình thực hiện kế hoạch ngày {0}"),
        .statusByUnit: Localized(en: "Items by lead unit and status", vi: "Nhiệm vụ theo đơn vị chủ trì và trạng thái"),
        .statusUnit: Localized(en: "Lead unit", vi: "Đơn vị chủ trì"),
        .statusTotal: Localized(en: "Total", vi: "Tổng"),
        .statusOverdue: Localized(en: "Overdue ({0})", vi: "Quá hạn ({0})"),
        .statusOverdueLine: Localized(en: "due {0}, {1} days ago", vi: "hạn {0}, đã quá {1} ngày"),
        .statusUpcoming: Localized(en: "Due in the next 30 days ({0})", vi: "Đến hạn trong 30 ngày tới ({0})"),
        .statusDueLine: Localized(en: "due {0}", vi: "hạn {0}"),
        .statusReports: Localized(en: "Next periodic reports", vi: "Các kỳ báo cáo sắp tới"),
        .statusNone: Localized(en: "None.", vi: "Không có."),
        .statusPlanned: Localized(en: "planned", vi: "chưa thực hiện"),
        .statusInProgress: Localized(en: "in progress", vi: "đang thực hiện"),
        .statusDone: Localized(en: "done", vi: "hoàn thành"),
        .statusBlocked: Localized(en: "blocked", vi: "vướng mắc"),
        .statusCancelled: Localized(en: "cancelled", vi: "hủy bỏ"),
        .periodTitle: Localized(en: "Report for the {0} ({1} – {2})", vi: "Báo cáo {0} ({1} – {2})"),
        .periodLeads: Localized(
            en: "Leads {0} items; at the period's end: {1}",
            vi: "Chủ trì {0} nhiệm vụ; đến cuối kỳ: {1}"),
        .periodChanges: Localized(en: "Changes during the period", vi: "Thay đổi trong kỳ"),
        .periodOverdue: Localized(en: "Overdue at the period's end", vi: "Quá hạn tính đến cuối kỳ"),
        .periodNoChanges: Localized(en: "No changes during the period.", vi: "Không có thay đổi trong kỳ."),
        .summaryHeader: Localized(en: "Plan changes:", vi: "Thay đổi trong kế hoạch:"),
        .summarySubject: Localized(en: "Update plan {0}: {1} items", vi: "Cập nhật kế hoạch {0}: {1} nhiệm vụ"),
        .summaryFailed: Localized(
            en: "plan: could not add the plan changes to the commit message ({0}); the message is as you wrote it",
            vi: "plan: không thêm được tóm tắt thay đổi vào lời nhắn commit ({0}); lời nhắn được giữ nguyên"),
        .changelogTitle: Localized(en: "Plan changelog", vi: "Nhật ký thay đổi kế hoạch"),
        .changelogMonth: Localized(en: "{0}", vi: "Tháng {0}"),
        .changelogPeriod: Localized(en: "Reporting period {0} – {1}", vi: "Kỳ báo cáo {0} – {1}"),
        .changelogWritten: Localized(
            en: "{0}: {1} commits added",
            vi: "{0}: đã thêm {1} commit"),
        .changelogUpToDate: Localized(en: "{0} is up to date", vi: "{0} đã cập nhật đầy đủ"),
        .fixApplied: Localized(en: "{0}: fixed [{1}]: {2}", vi: "{0}: đã sửa [{1}]: {2}"),
        .fixWouldApply: Localized(en: "{0}: would fix [{1}]: {2}", vi: "{0}: sẽ sửa [{1}]: {2}"),
        .fixSummary: Localized(en: "{0} fixes in {1} files", vi: "đã sửa {0} chỗ trong {1} tệp"),
        .fixNothing: Localized(en: "nothing to fix", vi: "không có gì để sửa tự động"),
        .fixFileChanged: Localized(
            en: "{0} changed while plan was reading it; not fixed (run again)",
            vi: "{0} bị thay đổi trong lúc plan đang đọc; chưa sửa (hãy chạy lại)"),
        .baselineBad: Localized(
            en: "not a plan baseline (write one with plan check --write-baseline FILE)",
            vi: "không phải tệp mốc của plan (tạo bằng plan check --write-baseline TỆP)"),
        .baselineWritten: Localized(
            en: "{0}: {1} findings recorded; plan check --baseline {0} reports only new ones",
            vi: "{0}: đã ghi {1} phát hiện; plan check --baseline {0} chỉ báo các phát hiện mới"),
        .baselineFiltered: Localized(
            en: "{0} findings of the baseline not shown",
            vi: "{0} phát hiện đã có trong tệp mốc không được hiển thị"),
        .importNotText: Localized(en: "{0} is not a text file", vi: "{0} không phải tệp văn bản"),
        .importTooLarge: Localized(
            en: "{0} is {1} bytes, more than the {2} bytes a plan document may have",
            vi: "{0} dài {1} byte, vượt giới hạn {2} byte của một văn bản kế hoạch"),
        .importBadID: Localized(
            en: "plan id {0}: use lower-case letters a-z, digits and '-' only (e.g. dvk-2021)",
            vi: "mã kế hoạch {0}: chỉ dùng chữ thường a-z, chữ số và dấu '-' (ví dụ dvk-2021)"),
        .importExists: Localized(
            en: "{0} already exists; nothing was written (--force overwrites)",
            vi: "{0} đã có; chưa ghi tệp nào (--force để ghi đè)"),
        .importUnsafePath: Localized(
            en: "{0} would be written outside the workspace or through a symbolic link; nothing was written",
            vi: "{0} sẽ nằm ngoài thư mục kế hoạch hoặc đi qua liên kết tượng trưng; chưa ghi tệp nào"),
        .importNoItems: Localized(
            en:
                "{0}: no action items found (no lettered items with \"Chủ trì:\" lines, no task table); nothing was written",
            vi:
                "{0}: không tìm thấy nhiệm vụ nào (không có mục a), b) với dòng \"Chủ trì:\", không có bảng nhiệm vụ); chưa ghi tệp nào"
        ),
        .importWritten: Localized(en: "wrote {0} items and {1}", vi: "đã ghi {0} nhiệm vụ và {1}"),
        .importWouldWrite: Localized(
            en: "would write {0} items and {1} (--dry-run: nothing written)",
            vi: "sẽ ghi {0} nhiệm vụ và {1} (--dry-run: chưa ghi gì)"),
        .importLayout: Localized(en: "layout: {0}", vi: "bố cục: {0}"),
        .importLayoutList: Localized(en: "list", vi: "danh sách"),
        .importLayoutTable: Localized(en: "table", vi: "bảng"),
        .importLayoutByUnit: Localized(en: "grouped by unit", vi: "theo đơn vị"),
        .importMissingHeader: Localized(
            en: "fields not found (plan check reports them until they are filled in):",
            vi: "thông tin chưa tìm thấy (plan check sẽ báo cho đến khi được bổ sung):"),
        .importMissingLine: Localized(en: "{0} (line {1}): no {2}", vi: "{0} (dòng {1}): chưa có {2}"),
        .importFieldLead: Localized(en: "lead unit (Chủ trì)", vi: "đơn vị chủ trì"),
        .importFieldTimeframe: Localized(en: "timeframe (Thời gian thực hiện)", vi: "thời gian thực hiện"),
        .importUnknownHeader: Localized(
            en: "units not in {0} (--add-units adds them):",
            vi: "đơn vị chưa có trong {0} (thêm bằng --add-units):"),
        .importUnknownLine: Localized(en: "{0} (in {1})", vi: "{0} (ở {1})"),
        .importUnitsAdded: Localized(
            en: "added {0} units to {1}: check their names and give them aliases and kinds",
            vi: "đã thêm {0} đơn vị vào {1}: hãy kiểm tra tên, bổ sung tên khác và loại đơn vị"),
        .importUnitsNotAdded: Localized(
            en: "could not add the units to {0} ({1}); add them by hand",
            vi: "không thêm được đơn vị vào {0} ({1}); hãy thêm bằng tay"),
        .importNotesHeader: Localized(en: "notes:", vi: "ghi chú:"),
        .importUnletteredLine: Localized(
            en: "line {0}: an item without a letter, named {1}",
            vi: "dòng {0}: nhiệm vụ không có chữ cái thứ tự, đặt là {1}"),
        .importLegacyTextLine: Localized(
            en:
                "line {0}: the text of {1} looks like {2} text shown as Unicode (mojibake); plan check reports it until it is retyped or converted to Unicode",
            vi:
                "dòng {0}: nội dung của {1} có vẻ là chữ mã {2} bị hiển thị sai; plan check sẽ báo cho đến khi được gõ lại hoặc chuyển sang Unicode"
        ),
        .importDuplicateLine: Localized(
            en: "line {0}: number {1} is used twice; this item is {2}",
            vi: "dòng {0}: số {1} bị dùng hai lần; nhiệm vụ này được đặt là {2}"),
        .importRepeatedLine: Localized(
            en: "line {0}: \"{1}\" given twice for {2}; the second is kept in the item's text",
            vi: "dòng {0}: \"{1}\" xuất hiện hai lần ở {2}; lần sau được giữ trong nội dung nhiệm vụ"),
        .importUnplacedHeader: Localized(
            en: "text in no item (kept in {0}):",
            vi: "văn bản không thuộc nhiệm vụ nào (giữ trong {0}):"),
        .importUnplacedLine: Localized(en: "line {0}: {1}", vi: "dòng {0}: {1}"),
        .importItemsMoved: Localized(
            en: "The items of part {0} are the files in this folder.",
            vi: "Các nhiệm vụ của phần {0} là các tệp trong thư mục này."),
        .importNext: Localized(en: "next: plan check {0}", vi: "tiếp theo: plan check {0}"),
        .importSeveralLeadsLine: Localized(
            en: "line {0}: {1} names several implementing bodies and none as the lead; all are kept as its lead",
            vi: "dòng {0}: {1} nêu nhiều cơ quan thực hiện mà không nêu cơ quan chủ trì; tất cả được giữ làm chủ trì"),
        .importStandingLine: Localized(
            en: "{0}: {1} standing duties of units left out (--standing-duties imports them)",
            vi: "{0}: {1} nhiệm vụ thường xuyên của các đơn vị chưa nhập (nhập bằng --standing-duties)"),
        .importStandingImported: Localized(
            en: "standing duties of units imported as sections of their own",
            vi: "nhiệm vụ thường xuyên của các đơn vị được nhập thành phần riêng"),
        .importNoSection: Localized(
            en: "{0}: no part matches --section {1}; the parts are: {2}",
            vi: "{0}: không có phần nào khớp --section {1}; các phần là: {2}"),
        .initExists: Localized(
            en: "{0} already exists; plan init writes nothing over existing files",
            vi: "{0} đã có; plan init không ghi đè tệp nào đã có"),
        .initWrote: Localized(en: "created {0}", vi: "đã tạo {0}"),
        .initGitCreated: Localized(en: "created a git repository in {0}", vi: "đã tạo kho git trong {0}"),
        .initGitFound: Localized(en: "using the git repository in {0}", vi: "dùng kho git có sẵn trong {0}"),
        .initNext: Localized(en: "Next steps:", vi: "Các bước tiếp theo:"),
        .initNextImport: Localized(
            en:
                "1. register your units in schemas/units.yaml, or import a plan: plan import PLAN.txt --id {0} --add-units",
            vi:
                "1. khai báo các đơn vị trong schemas/units.yaml, hoặc nhập văn bản kế hoạch: plan import KEHOACH.txt --id {0} --add-units"
        ),
        .initNextNew: Localized(
            en: "2. add an item: plan new --plan {0} --section 1 --lead \"UNIT\" --timeframe \"Quý IV/2026\" \"TITLE\"",
            vi:
                "2. thêm nhiệm vụ: plan new --plan {0} --section 1 --lead \"ĐƠN VỊ\" --timeframe \"Quý IV/2026\" \"TÊN NHIỆM VỤ\""
        ),
        .initNextCommit: Localized(
            en: "3. commit: git add -A && git commit -m \"First plan\" (the hook checks every commit), then: plan list",
            vi:
                "3. lưu lại: git add -A && git commit -m \"Kế hoạch đầu tiên\" (hook kiểm tra mỗi lần commit), rồi xem: plan list"
        ),
        .newWrote: Localized(en: "wrote {0} ({1})", vi: "đã ghi {0} ({1})"),
        .newTimeframeDefault: Localized(
            en: "no --timeframe given: set to {0}; change it in the file if the item has another",
            vi: "chưa có --timeframe: tạm ghi {0}; hãy sửa trong tệp nếu nhiệm vụ có thời gian khác"),
        .newBadSection: Localized(
            en: "section {0}: use the section's number, e.g. 2 or 1.3",
            vi: "mục {0}: hãy ghi số của mục, ví dụ 2 hoặc 1.3"),
        .newNoPlan: Localized(
            en: "plan id {0}: use lower-case letters a-z, digits and '-' only",
            vi: "mã kế hoạch {0}: chỉ dùng chữ thường a-z, chữ số và dấu '-'"),
        .newPlanCreated: Localized(
            en: "created {0} for the new plan: give it its title, issuer and period",
            vi: "đã tạo {0} cho kế hoạch mới: hãy ghi tên, cơ quan ban hành và giai đoạn"),
        .newLeadSeveral: Localized(
            en: "--lead names several units ({0}); an item has exactly one lead, the others go in --support",
            vi: "--lead có nhiều đơn vị ({0}); mỗi nhiệm vụ chỉ có một đơn vị chủ trì, các đơn vị khác ghi ở --support"),
        .newExists: Localized(en: "{0} already exists", vi: "{0} đã có"),
        .listID: Localized(en: "ID", vi: "Mã"),
        .listStatus: Localized(en: "Status", vi: "Trạng thái"),
        .listDue: Localized(en: "Due", vi: "Hạn"),
        .listLead: Localized(en: "Lead", vi: "Chủ trì"),
        .listTitle: Localized(en: "Item", vi: "Nhiệm vụ"),
        .listSupport: Localized(en: "Support", vi: "Phối hợp"),
        .listTimeframe: Localized(en: "Timeframe", vi: "Thời gian thực hiện"),
        .listPath: Localized(en: "File", vi: "Tệp"),
        .listOverdue: Localized(en: "overdue", vi: "quá hạn"),
        .listSummary: Localized(en: "items: {0}, overdue: {1}", vi: "{0} nhiệm vụ, {1} quá hạn"),
        .unitsID: Localized(en: "ID", vi: "Mã"),
        .unitsName: Localized(en: "Name (aliases)", vi: "Tên (tên khác)"),
        .unitsKind: Localized(en: "Kind", vi: "Loại"),
        .unitsLeads: Localized(en: "Leads", vi: "Chủ trì"),
        .unitsSupports: Localized(en: "Supports", vi: "Phối hợp"),
        .unitsUnknown: Localized(
            en: "Names items use that are not in the registry (items):",
            vi: "Tên đơn vị được dùng nhưng chưa có trong danh mục (số nhiệm vụ):"),
        .accessAddNeedsAdmin: Localized(
            en: "commit {0} adds item {1} ({2}): only an admin (admins in plan.yaml) may add items, and {3} is not one",
            vi:
                "commit {0} thêm nhiệm vụ {1} ({2}): chỉ quản trị viên (admins trong plan.yaml) được thêm nhiệm vụ, {3} không phải quản trị viên"
        ),
        .accessRemoveNeedsAdmin: Localized(
            en:
                "commit {0} deletes item {1} ({2}): only an admin (admins in plan.yaml) may delete items, and {3} is not one",
            vi:
                "commit {0} xoá nhiệm vụ {1} ({2}): chỉ quản trị viên (admins trong plan.yaml) được xoá nhiệm vụ, {3} không phải quản trị viên"
        ),
        .accessMoveNeedsAdmin: Localized(
            en:
                "commit {0} moves item {1} to {2}: only an admin (admins in plan.yaml) may move items, and {3} is not one",
            vi:
                "commit {0} chuyển nhiệm vụ {1} sang {2}: chỉ quản trị viên (admins trong plan.yaml) được chuyển nhiệm vụ, {3} không phải quản trị viên"
        ),
        .accessFileNeedsAdmin: Localized(
            en:
                "commit {0} changes {1}: only an admin (admins in plan.yaml) may change the settings, the schema, the units registry or a plan's header, and {2} is not one",
            vi:
                "commit {0} sửa {1}: chỉ quản trị viên (admins trong plan.yaml) được sửa cấu hình, lược đồ, danh mục đơn vị hoặc phần đầu kế hoạch, {2} không phải quản trị viên"
        ),
        .accessFieldNeedsAdmin: Localized(
            en:
                "commit {0} changes {1} of item {2} ({3}): only an admin (admins in plan.yaml) may change the lead, support, timeframe, due date or id, and {4} is not one",
            vi:
                "commit {0} sửa {1} của nhiệm vụ {2} ({3}): chỉ quản trị viên (admins trong plan.yaml) được đổi chủ trì, phối hợp, thời gian, hạn hoặc mã nhiệm vụ, {4} không phải quản trị viên"
        ),
        .accessFieldNeedsMember: Localized(
            en:
                "commit {0} changes {1} of item {2} ({3}): {4} is neither a member of its lead unit {5} (members in the units registry) nor an admin",
            vi:
                "commit {0} sửa {1} của nhiệm vụ {2} ({3}): {4} không phải thành viên của đơn vị chủ trì {5} (members trong danh mục đơn vị) cũng không phải quản trị viên"
        ),
        .accessRejected: Localized(
            en:
                "push rejected: {0} change(s) above that {1} may not make (authorization: enforce in plan.yaml); nothing was stored",
            vi:
                "từ chối lần đẩy (push): {0} thay đổi ở trên mà {1} không có quyền thực hiện (authorization: enforce trong plan.yaml); không có gì được lưu"
        ),
        .accessWarned: Localized(
            en: "{0} change(s) above that {1} may not make; accepted, because plan.yaml has authorization: warn",
            vi:
                "{0} thay đổi ở trên mà {1} không có quyền thực hiện; vẫn được nhận vì plan.yaml đặt authorization: warn"
        ),
        .accessNoPusher: Localized(
            en:
                "the server did not say who is pushing (GITEA_PUSHER_NAME, GL_USERNAME or PLAN_PUSHER is not set), so changes to the plan cannot be authorised; see “On the server” in the README",
            vi:
                "máy chủ không cho biết ai đang đẩy (chưa đặt GITEA_PUSHER_NAME, GL_USERNAME hoặc PLAN_PUSHER) nên không xác định được quyền sửa kế hoạch; xem mục “On the server” trong README"
        ),
        .accessPusher: Localized(en: "(unknown pusher)", vi: "(không rõ người đẩy)"),
        .serverHookWritten: Localized(
            en: "wrote {0}: the server runs it on every push",
            vi: "đã tạo {0}: máy chủ chạy hook này ở mỗi lần đẩy (push)"),
        .serverHookKept: Localized(
            en: "{0} is already plan's hook: rewritten with this plan program's path",
            vi: "{0} đã là hook của plan: đã ghi lại với đường dẫn chương trình plan hiện tại"),
        .serverHookForeign: Localized(
            en:
                "{0} exists and is not plan's: left untouched (move it into a pre-receive.d folder, or run plan from it)",
            vi:
                "{0} đã có và không phải của plan: giữ nguyên (hãy chuyển nó vào thư mục pre-receive.d, hoặc gọi plan từ trong đó)"
        ),
        .serverHookNotBare: Localized(
            en: "{0} is not a bare repository: server hooks go into the repository a git server keeps (REPO.git)",
            vi: "{0} không phải kho trống (bare): hook máy chủ được cài vào kho mà máy chủ git lưu (REPO.git)"),
        .unitsLifetime: Localized(en: "Existed", vi: "Thời gian hoạt động"),
        .unitsOn: Localized(
            en: "The registry as it stood on {0} (items naming a unit that had ended are counted under its successor)",
            vi: "Danh mục đơn vị tại ngày {0} (nhiệm vụ ghi đơn vị đã thôi hoạt động được tính cho đơn vị kế thừa)"),
        .progressCompletedMissing: Localized(
            en: "status is done but the completion date is missing; add completed: with the day it was finished",
            vi: "trạng thái là đã hoàn thành nhưng thiếu ngày hoàn thành; thêm completed: với ngày hoàn thành"),
        .progressCompletedInvalid: Localized(
            en: "completion date {0} is not a date; write 2024-06-10 or 10/6/2024",
            vi: "ngày hoàn thành {0} không phải một ngày; hãy ghi 2024-06-10 hoặc 10/6/2024"),
        .progressCompletedFuture: Localized(
            en: "completion date {0} is after today ({1})",
            vi: "ngày hoàn thành {0} sau ngày hôm nay ({1})"),
        .progressEvidenceNoNumber: Localized(
            en:
                "evidence {0} has no document number; write e.g. Báo cáo số 12-BC/BTGTU ngày 10/6/2024 or Công văn số 1234/UBND-VX ngày 05/3/2024",
            vi:
                "văn bản {0} thiếu số và ký hiệu; ghi ví dụ Báo cáo số 12-BC/BTGTU ngày 10/6/2024 hoặc Công văn số 1234/UBND-VX ngày 05/3/2024"
        ),
        .progressEvidenceMixedStyle: Localized(
            en: "evidence {0}: number and code {1} follow neither style; Party 12-BC/BTGTU, state 12/BC-UBND",
            vi: "văn bản {0}: số, ký hiệu {1} không theo thể thức nào; của Đảng 12-BC/BTGTU, của Nhà nước 12/BC-UBND"),
        .progressEvidenceNoDate: Localized(
            en: "evidence {0} has no date; add ngày d/m/yyyy after the number",
            vi: "văn bản {0} thiếu ngày ban hành; thêm ngày d/m/yyyy sau số, ký hiệu"),
        .progressEvidenceInvalidDate: Localized(
            en: "evidence {0}: {1} is not a date",
            vi: "văn bản {0}: {1} không phải một ngày"),
        .progressEvidenceNoKind: Localized(
            en: "evidence {0} does not say what kind of document it is; write the type first, e.g. Công văn số …",
            vi: "văn bản {0} không rõ loại văn bản; hãy ghi tên loại trước, ví dụ Công văn số …"),
        .progressReasonMissing: Localized(
            en: "status {0} needs a reason; add reason: with why the work stopped",
            vi: "trạng thái {0} cần ghi lý do; thêm reason: với lý do dừng thực hiện"),
        .progressResultsNotStarted: Localized(
            en: "{0} results written, but the status says the item has not started; set the status to in-progress",
            vi: "đã ghi {0} kết quả nhưng trạng thái là chưa triển khai; hãy đổi trạng thái thành in-progress"),
        .progressCannotWrite: Localized(
            en:
                "{0}: {1} is not written on one line, so plan progress cannot change it without touching more; edit it by hand",
            vi:
                "{0}: {1} không nằm trên một dòng nên plan progress không sửa được mà không động đến phần khác; hãy sửa trực tiếp"
        ),
        .progressNoItem: Localized(
            en: "no item {0} (give its id, e.g. dvk-2021/1.a, or its path)",
            vi: "không có nhiệm vụ {0} (ghi mã, ví dụ dvk-2021/1.a, hoặc đường dẫn tệp)"),
        .progressAmbiguous: Localized(
            en: "{0} names several items ({1}); give the full id",
            vi: "{0} ứng với nhiều nhiệm vụ ({1}); hãy ghi mã đầy đủ"),
        .progressRefused: Localized(
            en: "{0} not changed: the change would bring these errors",
            vi: "chưa ghi {0}: thay đổi này sẽ gây ra các lỗi sau"),
        .progressWritten: Localized(en: "recorded in {0}", vi: "đã ghi vào {0}"),
        .progressNothing: Localized(
            en: "nothing to record: give --status, --completed, --evidence, --reason or --note",
            vi: "không có gì để ghi: hãy dùng --status, --completed, --evidence, --reason hoặc --note"),
        .officeChoosePlan: Localized(
            en: "choose the plan with --plan: {0}", vi: "hãy chọn kế hoạch bằng --plan: {0}"),
        .officeNeedsPeriod: Localized(
            en: "the office report needs --period (2024-H1, 2024, final)",
            vi: "báo cáo gửi đi cần --period (2024-H1, 2024, final)"),
        .officeNeedsOutput: Localized(
            en: "--format docx writes a file: give --output FILE.docx",
            vi: "--format docx ghi ra tệp: hãy ghi --output TỆP.docx"),
        .statusStopped: Localized(en: "stopped", vi: "tạm dừng"),
        .stateDoneOnTime: Localized(en: "done on time", vi: "đã hoàn thành đúng hạn"),
        .stateDoneLate: Localized(en: "done late", vi: "đã hoàn thành quá hạn"),
        .stateOpenInTime: Localized(en: "open, within its deadline", vi: "đang thực hiện trong hạn"),
        .stateOverdue: Localized(en: "overdue, not done", vi: "quá hạn chưa hoàn thành"),
        .figuresTitle: Localized(
            en: "Progress against deadlines on {0}", vi: "Thực hiện so với thời hạn, tính đến ngày {0}"),
        .figuresDue: Localized(en: "Due", vi: "Đến hạn"),
        .figuresOnTimeShare: Localized(en: "Done on time", vi: "Tỷ lệ đúng hạn"),
        .figuresHeadline: Localized(
            en: "{0} items due (done, or past their deadline); {1} of them done on time; {2} overdue and not done.",
            vi:
                "{0} nhiệm vụ đến hạn (đã hoàn thành hoặc đã qua thời hạn); {1} hoàn thành đúng hạn; {2} quá hạn chưa hoàn thành."
        ),
        .lspFix: Localized(en: "Fix: {0}", vi: "Sửa: {0}"),
        .lspFixAll: Localized(
            en: "Fix all {0} fixable findings in this file", vi: "Sửa cả {0} chỗ sửa được trong tệp này"),
        .siteWritten: Localized(
            en: "site written: {0} files changed, {1} unchanged, {2} removed",
            vi: "đã ghi trang web: {0} tệp thay đổi, {1} tệp giữ nguyên, {2} tệp bị xóa"),
        .siteNoHistory: Localized(
            en: "no git history ({0}): item pages show no changes",
            vi: "không đọc được lịch sử git ({0}): trang nhiệm vụ không có lịch sử thay đổi"),
    ]
}
