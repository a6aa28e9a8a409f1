import PlanKit

/// The words of the pages, in both languages (the state and status names too). Placeholders `{0}` … are
/// filled with numbers, dates or escaped user text.
enum SiteText {
    static let siteTitle = Localized(en: "Plans", vi: "Các kế hoạch")
    static let plans = Localized(en: "Plans", vi: "Kế hoạch")
    static let units = Localized(en: "Units", vi: "Đơn vị")
    static let skip = Localized(en: "Skip to content", vi: "Bỏ qua, đến nội dung")
    static let breadcrumb = Localized(en: "You are here", vi: "Vị trí")
    static let generated = Localized(en: "Made by plan on {0}.", vi: "Tạo bởi plan ngày {0}.")
    static let noScript = Localized(
        en: "Filters need JavaScript; every item is listed below.",
        vi: "Bộ lọc cần JavaScript; mọi nhiệm vụ đều được liệt kê bên dưới.")

    // Headline figures
    static let figures = Localized(en: "At a glance", vi: "Tổng quan")
    static let items = Localized(en: "Items", vi: "Nhiệm vụ")
    static let dueByToday = Localized(en: "Due by today", vi: "Đã đến hạn")
    static let doneOnTimeShare = Localized(en: "Done on time", vi: "Hoàn thành đúng hạn")
    static let ofDue = Localized(en: "{0} of {1} due", vi: "{0} trên {1} nhiệm vụ đã đến hạn")
    static let overdue = Localized(en: "Overdue", vi: "Quá hạn")
    static let dueSoon = Localized(en: "Due in 30 days", vi: "Đến hạn trong 30 ngày")
    static let nextReport = Localized(en: "Next report", vi: "Kỳ báo cáo tới")
    static let none = Localized(en: "None.", vi: "Không có.")
    static let period = Localized(en: "Period", vi: "Giai đoạn")
    static let issuer = Localized(en: "Issued by", vi: "Cơ quan ban hành")

    // Plan page sections
    static let matrix = Localized(en: "Units and states", vi: "Đơn vị và tình trạng")
    static let matrixCaption = Localized(
        en: "Items by lead unit and state", vi: "Số nhiệm vụ theo đơn vị chủ trì và tình trạng")
    static let total = Localized(en: "Total", vi: "Tổng")
    static let timeline = Localized(en: "Timeline", vi: "Tiến độ theo thời gian")
    static let timelineLabel = Localized(
        en: "Timeline of {0} items with dates, grouped by section",
        vi: "Tiến độ của {0} nhiệm vụ có thời hạn, theo từng phần")
    static let today = Localized(en: "Today", vi: "Hôm nay")
    static let reportDeadline = Localized(en: "Report deadline", vi: "Hạn báo cáo")
    static let legendRange = Localized(en: "from … to …", vi: "từ … đến …")
    static let legendMilestone = Localized(en: "deadline", vi: "thời hạn")
    static let legendOngoing = Localized(en: "continuous", vi: "thường xuyên")
    static let legendPeriodic = Localized(en: "recurring", vi: "định kỳ")
    static let undated = Localized(en: "Items without dates", vi: "Nhiệm vụ không có thời hạn cụ thể")
    static let undatedNote = Localized(
        en: "On demand, event-relative or not understood: not on the timeline.",
        vi: "Theo yêu cầu, theo sự kiện hoặc chưa đọc được: không có trên biểu đồ.")
    static let overdueList = Localized(en: "Overdue items", vi: "Nhiệm vụ quá hạn")
    static let upcomingList = Localized(en: "Due in the next 30 days", vi: "Đến hạn trong 30 ngày tới")
    static let allItems = Localized(en: "All items", vi: "Tất cả nhiệm vụ")
    static let recentChanges = Localized(en: "Recent changes", vi: "Thay đổi gần đây")
    static let daysLate = Localized(en: "{0} days late", vi: "quá {0} ngày")
    static let inDays = Localized(en: "in {0} days", vi: "còn {0} ngày")

    // Filters
    static let filters = Localized(en: "Filter items", vi: "Lọc nhiệm vụ")
    static let filterUnit = Localized(en: "Lead unit", vi: "Đơn vị chủ trì")
    static let filterState = Localized(en: "State", vi: "Tình trạng")
    static let filterSection = Localized(en: "Section", vi: "Phần")
    static let filterText = Localized(en: "Search", vi: "Tìm")
    static let filterAll = Localized(en: "All", vi: "Tất cả")
    static let filterClear = Localized(en: "Clear", vi: "Bỏ lọc")
    static let shown = Localized(en: "{0} of {1} items shown", vi: "Đang hiện {0} trên {1} nhiệm vụ")

    // Columns and fields
    static let colID = Localized(en: "No.", vi: "Số")
    static let colTitle = Localized(en: "Item", vi: "Nhiệm vụ")
    static let colLead = Localized(en: "Lead", vi: "Chủ trì")
    static let colSupport = Localized(en: "Support", vi: "Phối hợp")
    static let colState = Localized(en: "State", vi: "Tình trạng")
    static let colStatus = Localized(en: "Status", vi: "Trạng thái")
    static let colTimeframe = Localized(en: "Timeframe", vi: "Thời gian thực hiện")
    static let colDeadline = Localized(en: "Deadline", vi: "Thời hạn")
    static let colSection = Localized(en: "Section", vi: "Phần")
    static let colPlan = Localized(en: "Plan", vi: "Kế hoạch")
    static let colFile = Localized(en: "File", vi: "Tệp")
    static let colCompleted = Localized(en: "Completed", vi: "Ngày hoàn thành")
    static let colDepends = Localized(en: "Depends on", vi: "Phụ thuộc")
    static let colTags = Localized(en: "Tags", vi: "Nhãn")
    static let colRole = Localized(en: "Role", vi: "Vai trò")

    // Unit and item pages
    static let asLead = Localized(en: "As lead ({0})", vi: "Chủ trì ({0})")
    static let asSupport = Localized(en: "As support ({0})", vi: "Phối hợp ({0})")
    static let unregistered = Localized(en: "not in the unit registry", vi: "chưa có trong danh mục đơn vị")
    static let unitKindInternal = Localized(en: "internal unit", vi: "đơn vị thuộc cơ quan")
    static let unitKindExternal = Localized(en: "external body", vi: "cơ quan bên ngoài")
    static let unitKindGroup = Localized(en: "group of units", vi: "nhóm đơn vị")
    static let fields = Localized(en: "Fields", vi: "Thông tin")
    static let body = Localized(en: "Content", vi: "Nội dung")
    static let evidence = Localized(en: "Evidence and references", vi: "Căn cứ, minh chứng")
    static let progress = Localized(en: "Progress notes", vi: "Kết quả thực hiện")
    static let note = Localized(en: "Note", vi: "Ghi chú")
    static let history = Localized(en: "History of changes", vi: "Lịch sử thay đổi")
    static let noHistory = Localized(
        en: "No change recorded in git for this item.", vi: "Chưa có thay đổi nào được ghi trong git.")
    static let commit = Localized(en: "Commit", vi: "Mã commit")
    static let date = Localized(en: "Date", vi: "Ngày")
    static let author = Localized(en: "Author", vi: "Người sửa")
    static let change = Localized(en: "Change", vi: "Thay đổi")

    // States: text beside every shape and colour.
    static func state(_ s: ProgressState) -> Localized {
        switch s {
        case .doneOnTime: Localized(en: "done on time", vi: "hoàn thành đúng hạn")
        case .doneLate: Localized(en: "done late", vi: "hoàn thành trễ hạn")
        case .open: Localized(en: "open, within deadline", vi: "đang thực hiện, trong hạn")
        case .overdue: Localized(en: "overdue", vi: "quá hạn")
        case .noDeadline: Localized(en: "open, no deadline", vi: "đang thực hiện, không có hạn")
        case .cancelled: Localized(en: "stopped or cancelled", vi: "dừng hoặc hủy bỏ")
        }
    }
}
