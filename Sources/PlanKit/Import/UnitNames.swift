/// How Vietnamese public bodies are named, for reading unit names out of a plan's text: which words
/// start a unit's name, which bare nouns a collective shares ("các sở, ban, ngành"), the names of the
/// departments and ministries every province and the government have, and the verbs that end a name
/// written at the start of a duty ("Sở Y tế chủ trì …").
enum UnitNames {
    /// Names with commas or "và" inside that every reader of Vietnamese plans knows as one body. The
    /// registry adds a workspace's own.
    static let known: [String] = [
        "Sở Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao",
        "Sở Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
        "Bộ Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Lao động, Thương binh và Xã hội",
        "Bộ Lao động, Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông",
        "Sở Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", "Sở Giao thông vận tải", "Sở Xây dựng", "Bộ Xây dựng",
        "Sở Tài chính", "Bộ Tài chính", "Sở Nội vụ", "Bộ Nội vụ", "Sở Tư pháp", "Bộ Tư pháp", "Sở Y tế", "Bộ Y tế",
        "Sở Công Thương", "Bộ Công Thương", "Sở Ngoại vụ", "Bộ Ngoại giao", "Sở Dân tộc và Tôn giáo",
        "Bộ Dân tộc và Tôn giáo", "Bộ Công an", "Bộ Quốc phòng", "Công an tỉnh", "Công an Thành phố",
        "Bộ Chỉ huy Quân sự tỉnh", "Bộ Tư lệnh Thành phố", "Thanh tra tỉnh", "Văn phòng Chính phủ",
        "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "Ngân hàng Nhà nước Việt Nam",
        "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đài Tiếng nói Việt Nam", "Đài Truyền hình Việt Nam",
        "Thông tấn xã Việt Nam",
        "Báo và Phát thanh, Truyền hình", "Báo và Phát thanh - Truyền hình", "Đài Phát thanh và Truyền hình",
        "Ban Quản lý Khu kinh tế", "Liên minh Hợp tác xã", "Hội Liên hiệp Phụ nữ",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Liên đoàn Lao động", "Hội Nông dân", "Hội Cựu chiến binh", "Ban Tuyên giáo và Dân vận",
    ].map(VietnameseText.nfc)

    static let knownWithCommas = known.filter { $0.contains(",") || $0.contains(" và ") }

    /// Words that start a unit's name when capitalised ("Sở Tài chính", "UBND các quận, huyện").
    static let starts: [[String]] = [
        "sở", "ban", "phòng", "ubnd", "hđnd", "ubmttq", "cục", "viện", "trường", "đài", "báo", "hội", "bch", "btv",
        "vp", "bộ", "quận", "huyện", "xã", "phường", "tỉnh", "tổ", "đoàn", "kbnn", "ctv", "thông tấn",
        "ủy ban", "uỷ ban", "trung tâm", "công an", "văn phòng", "thanh tra", "kho bạc", "chi cục", "liên đoàn",
        "mặt trận", "bệnh viện", "tổng công", "lãnh đạo", "thường trực", "cơ quan", "đơn vị", "tòa án", "toà án",
        "cổng thông", "chính quyền", "công ty", "hội đồng", "thành ủy", "thành uỷ", "thành đoàn", "quận ủy",
        "huyện ủy", "tỉnh ủy", "đảng ủy", "đảng uỷ", "chi ủy", "chi bộ", "công đoàn", "hội liên", "viện kiểm",
        "bảo hiểm", "cảng vụ", "ngân hàng", "chi nhánh", "liên minh", "doanh nghiệp", "thủ trưởng", "giám đốc",
        "trưởng ban", "tổ chức", "lực lượng", "hiệp hội", "bộ chỉ huy", "bộ tư lệnh", "trách nhiệm của",
        "nhiệm vụ của", "các cơ quan", "chủ đầu tư", "nhà đầu tư",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Person titles that start like a body ("Bộ trưởng Bộ Công an …") but name a person's duty.
    static let notStarts: [[String]] = [
        "bộ trưởng", "thủ tướng", "chủ tịch", "tổ chức", "phòng chống", "phòng, chống", "phòng ngừa", "ban hành",
        "xã hội", "trường hợp", "báo cáo", "đoàn kết", "hội nghị", "hội thảo", "bộ tiêu chí", "bộ công cụ",
        "cơ quan báo chí", "tỉnh ta",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Heads that start a name even in lower case, inside a list of units ("cơ quan ngang bộ").
    static let lowerStarts: [[String]] = [
        "cơ quan", "đơn vị", "tổ chức", "doanh nghiệp", "ủy ban", "uỷ ban", "lực lượng", "chính quyền", "cộng đồng",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Nouns a collective lists bare after its determiner: "các sở, ban, ngành, đoàn thể".
    static let institutionNouns: Set<String> = [
        "sở", "ban", "ngành", "đoàn thể", "địa phương", "đơn vị", "cơ quan", "tổ chức", "doanh nghiệp", "bộ",
        "hội", "báo", "đài", "trường", "viện", "trung tâm", "cá nhân", "lực lượng", "hiệp hội", "công ty",
        "cộng đồng", "cơ sở", "phòng",
    ]
    static let localityNouns: Set<String> = [
        "xã", "phường", "đặc khu", "thị trấn", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "khu phố", "ấp",
        "thôn", "địa phương",
    ]
    /// Words that only qualify a collective: where, or which ("liên quan", "trực thuộc trung ương").
    static let qualifierWords: Set<String> = [
        "tỉnh", "thành", "phố", "trung", "ương", "liên", "quan", "có", "khác", "trực", "thuộc", "của", "các",
        "địa", "phương", "cấp", "xã", "phường", "huyện", "quận", "đặc", "khu", "trên", "bàn", "tp", "thị", "trấn",
    ]

    /// Verbs that end a unit's name written at the start of a duty.
    static let verbs: [String] = [
        "chủ trì", "phối hợp", "có trách nhiệm", "chịu trách nhiệm", "tổ chức", "thực hiện", "triển khai",
        "căn cứ", "xây dựng", "tham mưu", "chỉ đạo", "hướng dẫn", "theo dõi", "rà soát", "đăng tải", "bố trí",
        "tuyên truyền", "tiếp tục", "chủ động", "là cơ quan", "làm đầu mối", "tăng cường", "đẩy mạnh", "kiểm tra",
        "nghiên cứu", "quản lý", "đảm bảo", "bảo đảm", "cung cấp", "trong phạm vi", "lồng ghép", "gửi",
        "báo cáo", "tham gia", "hỗ trợ", "cập nhật", "nắm", "phổ biến", "xử lý", "đôn đốc", "ban hành", "vận động",
        "theo chức năng", "định kỳ", "cần", "phát huy", "tuân thủ",
    ].map(VietnameseText.nfc)

    /// Verbs a duty starts with, capitalised as the first word of a point.
    static let dutyVerbs: [String] = [
        "Tham mưu", "Xây dựng", "Tổ chức", "Triển khai", "Chỉ đạo", "Hướng dẫn", "Phối hợp", "Chủ trì", "Thực hiện",
        "Tăng cường", "Đẩy mạnh", "Rà soát", "Kiểm tra", "Theo dõi", "Tuyên truyền", "Nghiên cứu", "Bố trí", "Hỗ trợ",
        "Cập nhật", "Đôn đốc", "Ban hành", "Vận động", "Lồng ghép", "Bảo đảm", "Đảm bảo", "Nâng cao", "Huy động",
        "Thành lập", "Tiếp nhận", "Cấp phát", "Quản lý", "Phổ biến", "Báo cáo", "Tổng hợp", "Chuẩn bị", "Khảo sát",
        "Đánh giá", "Duy trì", "Phát triển", "Ứng dụng", "Sử dụng", "Cung cấp", "Xử lý", "Giám sát", "Tập huấn",
        "Biên soạn", "Tham gia", "Chủ động", "Tiếp tục", "Khẩn trương", "Quán triệt", "Lập", "Giao", "Trình", "Ký",
        "Hoàn thiện", "Tập trung", "Phát động", "Kịp thời", "Thường xuyên", "Làm", "Là", "Đề xuất", "Điều phối",
        "Cử", "Chịu trách nhiệm", "Phân bổ", "Hoàn thành", "Số hóa", "Kết nối", "Vận hành", "Đầu tư", "Nâng cấp",
    ].map(VietnameseText.nfc)

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " }).map { String($0).trimmingPunctuation.lowercased() }
    }

    private static func hasPrefix(_ w: ArraySlice<String>, _ p: [String]) -> Bool {
        w.count >= p.count && Array(w.prefix(p.count)) == p
    }

    /// Whether a text starts like a unit's name. `lenient` accepts lower-case heads ("cơ quan ngang bộ")
    /// as lists of units write them.
    static func startsLikeUnit(_ text: String, lenient: Bool = false) -> Bool {
        var t = text.trimmedSpaces
        for p in ["Đề nghị ", "đề nghị ", "Giao ", "Đối với ", "đối với "] where t.hasPrefix(p) {
            t = String(t.dropFirst(p.count))
        }
        let w = words(t)
        guard let first = w.first, let c = t.first else { return false }
        if notStarts.contains(where: { hasPrefix(w[...], $0) }) { return false }
        if first == "các" || first == "những" {
            let rest = w.dropFirst()
            guard let next = rest.first else { return false }
            return institutionNouns.contains(next) || localityNouns.contains(next)
                || [
                    "ngành", "cấp", "cơ", "đơn", "sở", "phòng", "ban", "tổ", "doanh", "lực", "thành", "hội", "địa",
                    "bộ",
                ].contains(
                    next)
                || starts.contains { hasPrefix(rest, $0) }
        }
        if c.isUppercase, starts.contains(where: { hasPrefix(w[...], $0) }) { return true }
        return lenient && lowerStarts.contains { hasPrefix(w[...], $0) }
    }

    /// A unit named at the start of a duty: "Sở Y tế: tổ chức …" or "Sở Y tế chủ trì, …". Returns the
    /// name as written and the text after it.
    static func leading(_ text: String, registry: UnitRegistry) -> (unit: String, rest: String)? {
        guard startsLikeUnit(text) else { return nil }
        // "Unit: duty", the unit short enough to be a name.
        if let colon = text.firstIndex(of: ":") {
            let head = text[..<colon].trimmedSpaces
            if head.split(separator: " ").count <= 30, !head.contains(". ") {
                return (head, text[text.index(after: colon)...].trimmedSpaces)
            }
        }
        var names = known
        for u in registry.units { names += [u.name] + u.aliases }
        if let name = names.filter({ text.hasPrefix($0 + " ") }).max(by: { $0.count < $1.count }),
            let next = text.dropFirst(name.count + 1).first, next.isLowercase,
            !text.dropFirst(name.count + 1).hasPrefix("và ")
        {
            return (name, String(text.dropFirst(name.count)).trimmedSpaces)
        }
        // Verbs as written in lower case: "Sở Xây dựng" is a name, "xây dựng kế hoạch" a duty. A name at
        // the start of a duty is short: only the start of the text is searched.
        let bytes = Array(text.utf8)
        let limit = String(text.prefix(200)).utf8.count
        guard let cut = firstStop(bytes[..<limit], verbStops) else { return nil }
        let head = String(decoding: bytes[..<cut], as: UTF8.self).trimmedSpaces
        // Counted without a request's "Đề nghị"/"Giao" and without dashes ("chính trị - xã hội").
        var nameWords = head.split(separator: " ").filter { $0 != "-" && $0 != "–" }
        if ["Đề", "đề"].contains(nameWords.first), nameWords.dropFirst().first == "nghị" { nameWords.removeFirst(2) }
        if nameWords.first == "Giao" { nameWords.removeFirst() }
        guard nameWords.count <= 20, !head.isEmpty else { return nil }
        // "Cơ quan chủ trì giải quyết thủ tục …" names a body by its role: "Cơ quan" alone is no name.
        if ["cơ quan", "đơn vị", "các cơ quan", "các đơn vị"].contains(head.lowercased()) { return nil }
        return (head, String(decoding: bytes[cut...], as: UTF8.self).trimmedSpaces)
    }

    /// Whether a heading is a sentence that gives its unit duties: "UBND các xã chịu trách nhiệm …",
    /// "Sở A có trách nhiệm …", "UBND phường A cần …" (other verbs also end titles that are names:
    /// "Trách nhiệm của đối tượng thực hiện kiểm kê").
    static func givesDuties(_ text: String) -> Bool {
        ["chịu trách nhiệm", "có trách nhiệm", "cần"].contains { v in
            text.contains(" " + v + " ") || text.contains(" " + v + ",")
        }
    }

    /// "X chủ trì, phối hợp với Y …" or "X phối hợp Y": the lead X and the text Y of its partners.
    static func leadAndPartners(_ text: String) -> (lead: String, partners: String?)? {
        let forms = [
            " chủ trì, phối hợp với ", " chủ trì phối hợp với ", " chủ trì, phối hợp chặt chẽ với ",
            " chủ trì thực hiện, phối hợp với ", " chủ trì, phối hợp ", " chủ trì và phối hợp với ", " phối hợp với ",
            " phối hợp chặt chẽ với ", " phối hợp ",
        ]
        for f in forms {
            guard let r = text.firstRange(of: f) else { continue }
            var lead = text[..<r.lowerBound].trimmedSpaces
            // "X chủ trì các nhiệm vụ được giao, phối hợp với Y …", "X nghiên cứu …; phối hợp với Y …": the
            // partners of a later clause, not of the unit's lead slot.
            if lead.contains(";") || lead.contains(" chủ trì") { continue }
            // "Các sở, … theo chức năng, nhiệm vụ được giao chủ động phối hợp với …": the name ends at its verb.
            if lead.split(separator: " ").count > 12, let head = leading(lead + " ", registry: .empty)?.unit,
                head.count < lead.count
            {
                lead = head
            }
            let partners = partnersText(String(text[r.upperBound...]))
            guard startsLikeUnit(partners, lenient: true) else { continue }
            guard startsLikeUnit(lead), !lead.isEmpty,
                lead.filter({ $0 == "(" }).count <= lead.filter({ $0 == ")" }).count
            else { continue }
            return (lead, partners)
        }
        for f in [" chủ trì", " là cơ quan chủ trì"] {
            guard let r = text.firstRange(of: f) else { continue }
            // "Các Sở, ngành chủ trì, quản lý, tham gia …" describes the bodies; it names no lead.
            if text[r.upperBound...].hasPrefix(",") { continue }
            let lead = text[..<r.lowerBound].trimmedSpaces
            // "Sở Tài chính (cơ quan chủ trì)": a role in brackets, not a lead before a duty.
            if lead.filter({ $0 == "(" }).count > lead.filter({ $0 == ")" }).count { continue }
            if startsLikeUnit(lead) { return (lead, nil) }
        }
        return nil
    }

    /// A verb of `verbs` in the text, before a space or a comma (NFC bytes, as imported text is).
    private static let verbStops: [[UInt8]] = verbs.flatMap {
        [Array((" " + $0 + " ").utf8), Array((" " + $0 + ",").utf8)]
    }
    /// What ends a list of partners' names: a full stop, semicolon or colon, a preposition that starts a
    /// purpose, or a verb.
    private static let partnerStops: [[UInt8]] =
        [". ", ";", ":", " để ", " tham ", " trong việc ", " trong quá trình "].map { Array($0.utf8) } + verbStops
    /// Stops that are no verb before these words: "các tổ chức chính trị - xã hội" names bodies, "khi cần
    /// thiết" is a condition.
    private static let notVerbs: [(stop: [UInt8], next: [UInt8])] = [
        (" tổ chức ", "chính trị"), (" cần ", "thiết"),
    ].map { (Array(VietnameseText.nfc($0.0).utf8), Array(VietnameseText.nfc($0.1).utf8)) }
    /// Verbs that are part of a name after these words: "Ban quản lý dự án", "Ban chỉ đạo".
    private static let namedBy: [(before: [UInt8], stop: [UInt8])] = ["quản lý", "chỉ đạo"].flatMap { v in
        [" \(v) ", " \(v),"].map { (Array("Ban".utf8), Array(VietnameseText.nfc($0).utf8)) }
    }

    /// Where the first of `stops` starts in `b`, in one pass over the bytes (a long paragraph is not
    /// searched once per stop), but for `notVerbs`.
    static func firstStop(_ b: ArraySlice<UInt8>, _ stops: [[UInt8]]) -> Int? {
        func matches(_ at: Int, _ word: [UInt8]) -> Bool {
            at + word.count <= b.endIndex && b[at..<at + word.count].elementsEqual(word)
        }
        // `word` as a whole word right before `end`.
        func precedes(_ word: [UInt8], _ end: Int) -> Bool {
            let start = end - word.count
            return start >= b.startIndex && matches(start, word) && (start == b.startIndex || b[start - 1] == 0x20)
        }
        for i in b.indices {
            for stop in stops where stop[0] == b[i] && matches(i, stop) {
                if notVerbs.contains(where: { $0.stop == stop && matches(i + stop.count, $0.next) }) { continue }
                if namedBy.contains(where: { $0.stop == stop && precedes($0.before, i) }) { continue }
                return i
            }
        }
        return nil
    }

    /// Names only, no duty after them ("phối hợp với Sở B tổ chức tập huấn" is a duty, not names).
    static func namesOnly(_ s: String, lenient: Bool = true) -> Bool {
        startsLikeUnit(s, lenient: lenient) && partnersText(s) == s
    }

    /// The partners' names out of "Y tham mưu …": up to the first of `partnerStops`.
    static func partnersText(_ value: String) -> String {
        let b = Array((value + " ").utf8)
        let end = firstStop(b[...], partnerStops) ?? b.count
        return ImportText.fieldValue(String(decoding: b[..<end], as: UTF8.self))
    }
}
