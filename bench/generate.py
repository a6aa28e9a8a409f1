#!/usr/bin/env python3
"""Generates a plan workspace in a git repository, deterministically (seeded).

    bench/generate.py --items 10000 --commits 10000 --out DIR [--seed 1] [--invalid 5]

Items are realistic Vietnamese action items spread over several plans and sections, with leads and
supports from a registry of 15 units (some written with an alias), every timeframe phrasing plan
understands, and statuses. The history has one commit adding everything, then commits that each edit
1-5 items (status changes, deadline moves, lead changes, body edits, some additions, deletions and
moves) and, every so often, a side branch merged back. The repository is written with
`git fast-import`, then checked out and garbage-collected like a repository in use.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import unicodedata

UNITS = [
    ("ptt-bc-xb", "Phòng Tuyên truyền - Báo chí - Xuất bản", ["Phòng Tuyên truyền - Báo chí và Xuất bản"], "internal"),
    ("pvh-vn-kg-th", "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp", ["Phòng Văn hóa, Văn nghệ - Khoa Giáo - Tổng hợp"], "internal"),
    ("pll-ls", "Phòng Lý luận chính trị - Lịch sử Đảng", [], "internal"),
    ("tt-ttnc", "Trung tâm Thông tin và Nghiên cứu dư luận xã hội", ["Trung tâm Thông tin và Nghiên cứu DLXH"], "internal"),
    ("van-phong", "Văn phòng Ban", [], "internal"),
    ("cac-phong", "Các phòng chức năng thuộc Ban", [], "group"),
    ("so-tttt", "Sở Thông tin và Truyền thông", ["Sở TT&TT"], "external"),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", [], "external"),
    ("so-gddt", "Sở Giáo dục và Đào tạo", [], "external"),
    ("so-noi-vu", "Sở Nội vụ", [], "external"),
    ("so-tai-chinh", "Sở Tài chính", [], "external"),
    ("ban-dan-van", "Ban Dân vận Thành ủy", [], "external"),
    ("ubmttq", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", [], "external"),
    ("bao-chi", "Các cơ quan báo chí", [], "group"),
    ("ubnd-quan", "UBND các quận, huyện", ["Ủy ban nhân dân các quận, huyện"], "group"),
]

VERBS = ["Tăng cường", "Đẩy mạnh", "Triển khai", "Tổ chức", "Nâng cao", "Tiếp tục thực hiện", "Rà soát", "Hướng dẫn",
         "Phối hợp", "Kiểm tra, giám sát", "Tuyên truyền", "Xây dựng", "Đổi mới", "Theo dõi, đôn đốc"]
OBJECTS = ["công tác dân vận", "phong trào thi đua “Dân vận khéo”", "công tác tuyên truyền", "cải cách hành chính",
           "chuyển đổi số", "quy chế dân chủ ở cơ sở", "công tác thông tin đối ngoại", "việc học tập và làm theo tư tưởng Hồ Chí Minh",
           "công tác nắm bắt dư luận xã hội", "đội ngũ cán bộ, công chức", "công tác phòng, chống tham nhũng",
           "hoạt động báo chí, xuất bản", "công tác khoa giáo", "văn hóa công vụ"]
TAILS = ["trên địa bàn thành phố", "trong cơ quan, đơn vị", "giai đoạn 2021 - 2025", "gắn với nhiệm vụ chính trị",
         "theo Chỉ thị số 08-CT/TU", "theo Kế hoạch số 20-KH/TU", "của các phòng chức năng thuộc Ban", "hằng năm"]
FILLER = ("bảo đảm thiết thực, hiệu quả, tạo chuyển biến mạnh mẽ về nhận thức, trách nhiệm và hành động của cán bộ, công chức "
          "và người lao động; phát huy quyền làm chủ của Nhân dân; kịp thời nắm bắt tình hình, tham mưu xử lý các vấn đề "
          "phát sinh; định kỳ sơ kết, tổng kết, rút kinh nghiệm và báo cáo kết quả thực hiện theo quy định").split(" ")
STATUSES = ["planned", "planned", "in-progress", "in-progress", "in-progress", "done", "blocked", "cancelled"]
AUTHORS = [("Nguyễn Văn An", "an"), ("Trần Thị Bình", "binh"), ("Lê Hoàng Cường", "cuong"), ("Phạm Thu Dung", "dung"),
           ("Võ Minh Đức", "duc")]
LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]
ROMAN = ["I", "II", "III", "IV"]


def timeframe(r):
    y = r.randint(2021, 2025)
    m = r.randint(1, 12)
    d = r.randint(1, 28)
    q = r.randint(1, 4)
    choices = [
        f"Hoàn thành trong tháng {m}/{y}", f"Tháng {m}/{y}", f"trong tháng {m} năm {y}", f"Trước ngày {d}/{m}/{y}",
        f"trước {d}/{m}/{y}", f"Quý {ROMAN[q - 1]}/{y}", f"Quý {q} năm {y}", f"6 tháng đầu năm {y}", f"Năm {y}",
        f"Trong năm {y}", f"Từ tháng {m}/{y} đến tháng 12/{y}", "Thường xuyên", "Thường xuyên, từ năm 2021 - 2025",
        "Giai đoạn 2021-2025", "Hằng năm", f"trước ngày {d}/{m} hằng năm", "Định kỳ 6 tháng", "Theo yêu cầu",
        "Khi có yêu cầu", f"{y}-{m:02d}-{d:02d}",
    ]
    return r.choice(choices)


def sentence(r, words):
    # Never the same word twice in a row: that is a finding (text-repeated-word) of its own.
    out = []
    while len(out) < words:
        w = r.choice(FILLER)
        if not out or w != out[-1]:
            out.append(w)
    return " ".join(out)


def slug(s, n=4):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isalnum() else " " for c in s).split()
    return "-".join(words[:n])


def yaml_scalar(s):
    if any(s.startswith(c) for c in "-?:,[]{}#&*!|>'\"%@`") or ": " in s or " #" in s:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


class Item:
    def __init__(self, r, plan, section, letter, path):
        self.plan, self.section, self.letter, self.path = plan, section, letter, path
        self.id = f"{plan}/{section}.{letter}"
        self.title = f"{r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}"
        unit = r.choice(UNITS)
        self.lead = r.choice(unit[2]) if unit[2] and r.random() < 0.05 else unit[1]
        self.support = [u[1] for u in r.sample(UNITS, r.randint(0, 3)) if u[1] != unit[1]]
        self.timeframe = timeframe(r)
        self.status = r.choice(STATUSES)
        self.tags = r.sample(["dân vận", "tuyên truyền", "chuyển đổi số", "cải cách"], r.randint(0, 2))
        self.depends = []
        self.body = "\n\n".join(self.title + ", " + sentence(r, r.randint(25, 60)) + "." for _ in range(r.randint(1, 3)))
        self.extra = None  # a field line that makes the item invalid

    def text(self):
        lines = ["---", f"id: {self.id}", f"title: {yaml_scalar(self.title)}", f"lead: {yaml_scalar(self.lead)}"]
        if self.support:
            lines.append("support:")
            lines += [f"  - {yaml_scalar(s)}" for s in self.support]
        lines.append(f"timeframe: {yaml_scalar(self.timeframe)}")
        lines.append(f"status: {self.status}")
        if self.tags:
            lines.append("tags: [" + ", ".join(self.tags) + "]")
        if self.depends:
            lines.append("depends_on: [" + ", ".join(self.depends) + "]")
        if self.extra:
            lines.append(self.extra)
        lines.append("---")
        return "\n".join(lines) + "\n" + self.body + "\n"


def workspace_files(plans):
    files = {}
    files["plan.yaml"] = "# Generated by bench/generate.py\nversion: 1\nlocale: vi\nperiod: 2021-2025\nrules: {}\nignore: []\n"
    schema_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas", "plan-item.schema.json")
    files["schemas/plan-item.schema.json"] = open(schema_src, encoding="utf-8").read()
    units = ["units:"]
    for uid, name, aliases, kind in UNITS:
        units.append(f"  - id: {uid}\n    name: {yaml_scalar(name)}")
        if aliases:
            units.append("    aliases:\n" + "\n".join(f"      - {yaml_scalar(a)}" for a in aliases))
        units.append(f"    kind: {kind}")
    files["schemas/units.yaml"] = "\n".join(units) + "\n"
    for p in plans:
        files[f"plans/{p}/plan.md"] = (f"---\nid: {p}\ntitle: Kế hoạch {p}\nissuer: Ban Tuyên giáo Thành ủy\nperiod: 2021-2025\n"
                                      "reports:\n  - name: Báo cáo 6 tháng\n    due: trước ngày 10/6 hằng năm\n"
                                      "  - name: Báo cáo năm\n    due: trước ngày 15/11 hằng năm\n---\nKế hoạch sinh tự động.\n")
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--commits", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--invalid", type=int, default=0, help="items made invalid on purpose")
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-gc", action="store_true")
    args = ap.parse_args()
    r = random.Random(args.seed)

    plan_count = 3 + args.items // 5000
    plans = [f"kh-{2021 + i}-{['dv', 'tt', 'cchc', 'cds', 'kg'][i % 5]}" for i in range(plan_count)]
    items = []
    per_plan = (args.items + plan_count - 1) // plan_count
    for p in plans:
        section = 0
        while sum(1 for i in items if i.plan == p) < per_plan and len(items) < args.items:
            section += 1
            heading = f"{r.choice(VERBS)} {r.choice(OBJECTS)}"
            folder = f"{section}-{slug(heading)}"
            for k in range(r.randint(3, 12)):
                if len(items) >= args.items:
                    break
                letter = LETTERS[k]
                items.append(Item(r, p, section, letter, f"plans/{p}/{folder}/{section}{'dd' if letter == 'đ' else letter}.md"))
    # Some dependencies, within a plan.
    for it in r.sample(items, len(items) // 20):
        other = r.choice(items)
        if other.plan == it.plan and other.id != it.id:
            it.depends = [other.id]
    bad = ["lead: Phòng Không Có Trong Danh Mục", "timeframe: Tháng 13/2022", "status: đang làm", "staus: done",
           "timeframe: Trước ngày 31/2/2023"]
    for k, it in enumerate(r.sample(items, min(args.invalid, len(items)))):
        line = bad[k % len(bad)]
        key = line.split(":")[0]
        if key == "lead":
            it.lead = line.split(": ", 1)[1]
        elif key == "timeframe":
            it.timeframe = line.split(": ", 1)[1]
        elif key == "status":
            it.status = line.split(": ", 1)[1]
        else:
            it.extra = line

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    stream = open(os.path.join(out, ".git", "fast-import.stream"), "wb")

    def data(b):
        stream.write(b"data %d\n" % len(b))
        stream.write(b)
        stream.write(b"\n")

    mark = 0
    time = 1630461600  # 2021-09-01 09:00 +07:00
    by_path = {it.path: it for it in items}

    def commit(branch, message, changes, parent=None, merge=None):
        nonlocal mark, time
        mark += 1
        time += r.randint(600, 14400)
        name, login = r.choice(AUTHORS)
        stream.write(f"commit refs/heads/{branch}\nmark :{mark}\n".encode())
        stream.write(f"author {name} <{login}@example.org> {time} +0700\n".encode())
        stream.write(f"committer {name} <{login}@example.org> {time} +0700\n".encode())
        data(message.encode())
        if parent:
            stream.write(f"from :{parent}\n".encode())
        if merge:
            stream.write(f"merge :{merge}\n".encode())
        for path, content in changes:
            if content is None:
                stream.write(f"D {path}\n".encode())
            else:
                stream.write(f"M 100644 inline {path}\n".encode())
                data(content.encode())
        return mark

    files = workspace_files(plans)
    first = list(files.items()) + [(it.path, it.text()) for it in items]
    head = commit("main", "Khởi tạo các kế hoạch", first)

    def edit(it):
        op = r.random()
        if op < 0.40:
            it.status = r.choice([s for s in STATUSES if s != it.status])
            return f"trạng thái {it.id}"
        if op < 0.60:
            it.timeframe = timeframe(r)
            return f"điều chỉnh thời gian {it.id}"
        if op < 0.70:
            it.lead = r.choice(UNITS)[1]
            return f"đổi đơn vị chủ trì {it.id}"
        it.body += "\n\n" + sentence(r, r.randint(10, 30)) + "."
        return f"cập nhật nội dung {it.id}"

    def random_commit(branch, parent=None):
        changes, what = [], []
        live = list(by_path.values())
        for _ in range(r.randint(1, 5)):
            op = r.random()
            if op < 0.04 and live:  # add
                src = r.choice(live)
                letter = "x" + str(mark)
                it = Item(r, src.plan, src.section, letter, os.path.dirname(src.path) + f"/{src.section}{letter}.md")
                by_path[it.path] = it
                changes.append((it.path, it.text()))
                what.append(f"thêm {it.id}")
            elif op < 0.07 and len(live) > 10:  # delete
                it = r.choice(live)
                del by_path[it.path]
                live.remove(it)
                changes.append((it.path, None))
                what.append(f"bỏ {it.id}")
            elif op < 0.10 and live:  # move to another section folder of its plan
                it = r.choice(live)
                target = r.choice([x for x in live if x.plan == it.plan])
                new_path = os.path.dirname(target.path) + "/" + os.path.basename(it.path)
                if new_path in by_path:
                    continue
                del by_path[it.path]
                changes.append((it.path, None))
                it.path = new_path
                edit(it)
                by_path[it.path] = it
                changes.append((it.path, it.text()))
                what.append(f"chuyển {it.id}")
            elif live:
                it = r.choice(live)
                what.append(edit(it))
                changes.append((it.path, it.text()))
        message = "Cập nhật: " + ", ".join(what[:3]) + ("…" if len(what) > 3 else "") + "\n"
        return commit(branch, message, changes, parent=parent)

    made = 1
    while made < args.commits:
        if made % 200 == 100 and args.commits - made > 4:
            # A side branch of two commits, merged back.
            side = random_commit("side", parent=head)
            side = random_commit("side")
            made += 2
            head = commit("main", "Gộp nhánh cập nhật\n", [], parent=None, merge=side)
            made += 1
            continue
        head = random_commit("main")
        made += 1
    stream.close()
    with open(os.path.join(out, ".git", "fast-import.stream"), "rb") as f:
        subprocess.run(["git", "fast-import", "--quiet"], cwd=out, stdin=f, check=True)
    os.remove(os.path.join(out, ".git", "fast-import.stream"))
    subprocess.run(["git", "branch", "-q", "-D", "side"], cwd=out, stderr=subprocess.DEVNULL)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out, check=True)
    if not args.no_gc:
        subprocess.run(["git", "gc", "-q"], cwd=out, check=True)
    print(f"{out}: {len(by_path)} items, {args.commits} commits, {plan_count} plans", file=sys.stderr)


if __name__ == "__main__":
    main()
