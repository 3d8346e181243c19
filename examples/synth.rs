//! A deterministic synthetic report project, for benchmarks (issue 7, `docs/performance.md`).
//!
//! ```sh
//! cargo run --release --example synth -- --communes 10000 --years 10 /tmp/synth-10000
//! cargo run --release -- --root /tmp/synth-10000 check
//! ```
//!
//! `--groups G` groups the communes in G districts (`content/groups/`), each a run of them.
//!
//! Writes a normal report project into DIR, which must be missing or empty:
//!
//! - `content/site.yaml` with two sources;
//! - `content/models/*.yaml`: the seven model types of the Yên Bái example;
//! - `content/years/<year>.yaml` for the YEARS years ending at 2023: campaign, attainment and
//!   city-wide model figures, each city total equal to the sum of the communes' counts (so
//!   `baocao check` gives no warning), camera additions split into city budget and community
//!   funding;
//! - `content/communes/*.yaml`: COMMUNES communes, wards and townships with Vietnamese names
//!   built from syllables (names that collide once diacritics are removed, such as
//!   "Tân Thành"/"Tân Thạnh", carry an explicit `id:`), 5-digit codes, a chief, a
//!   two-paragraph Markdown summary, and 8 figures a year (4 model counts and 4 campaign
//!   figures); some communes also have groups and quotes;
//! - `content/pages/gioi-thieu.md`.
//!
//! The same arguments always give byte-identical files: all randomness comes from a
//! splitmix64 generator seeded by `--seed` (default 2023), and nothing depends on hash order,
//! time or the machine.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const LAST_YEAR: i64 = 2023;
const USAGE: &str = "usage: synth [--communes N] [--years Y] [--groups G] [--seed S] DIR
  --communes N   number of communes, wards and townships (default 100)
  --groups G     districts to group the communes in, in runs (default 0: no groups)
  --years Y      years of figures, ending at 2023 (default 10, at most 79)
  --seed S       seed of the generator (default 2023)
  DIR            folder to create; must be missing or empty";

/// splitmix64: small, fast, and good enough for synthetic figures.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// Takes one of `items`.
    fn take<T>(&mut self, mut items: Vec<T>) -> T {
        let i = (self.next_u64() % items.len() as u64) as usize;
        items.swap_remove(i)
    }
}

// Syllables of commune names. Several pairs differ only in their diacritics
// (Thành/Thạnh, Lang/Lăng, Hưng/Hùng, Tân/Tấn): their names collide as slugs.
const SYLLABLES: &[&str] = &[
    "Tân", "Tấn", "Thành", "Thạnh", "Đồng", "Hòa", "Phú", "Xuân", "An", "Bình", "Long", "Phước",
    "Mỹ", "Hưng", "Hùng", "Lợi", "Thuận", "Vĩnh", "Quang", "Minh", "Trung", "Nghĩa", "Hiệp", "Đức",
    "Thịnh", "Lộc", "Tiến", "Lang", "Lăng", "Sơn", "Hải", "Thủy", "Cẩm", "Kim", "Ngọc", "Yên",
    "Tuy", "Giới", "Phiên", "Hợp", "Cường", "Văn", "Tường", "Định", "Khánh", "Lạc", "Thái", "Quý",
    "Hồng", "Hà", "Châu", "Lâm", "Bảo", "Gia", "Vân", "Hội", "Phong", "Tiền", "Nguyễn", "Âu",
    "Lâu", "Mường", "Thanh", "Trà", "Cát", "Diên", "Ea", "Krông",
];
const DIRECTIONS: &[&str] = &["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ"];
const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lâm", "Phùng",
];
const MIDDLE_MALE: &[&str] = &["Văn", "Đức", "Minh", "Quang", "Tiến", "Hữu", "Thanh"];
const MIDDLE_FEMALE: &[&str] = &["Thị", "Thị Thu", "Thị Minh", "Thị Vân", "Ngọc"];
const GIVEN_MALE: &[&str] = &[
    "Phong", "Cường", "Dũng", "Hùng", "Thắng", "Tuấn", "Hải", "Sơn", "Long", "Đỗ", "Khoa", "Bình",
];
const GIVEN_FEMALE: &[&str] = &["Khanh", "Lan", "Hương", "Hạnh", "Mai", "Hoa", "Thảo", "Yến"];
const RANKS: &[&str] = &["Thiếu tá", "Trung tá", "Đại úy", "Thượng úy", "Thượng tá"];
const VILLAGE_WORDS: &[&str] = &["thôn", "tổ dân phố", "khu phố", "bản"];

/// A model type: file name, YAML body.
const MODELS: &[(&str, &str)] = &[
    (
        "camera-an-ninh",
        "name: Camera an ninh\nunit: mắt camera\ncategory: An ninh trật tự\norder: 1\ndescription: |\n  Mạng lưới camera giám sát an ninh trật tự tại các tuyến đường, khu dân cư, do\n  ngân sách đầu tư hoặc do các xã, phường xã hội hóa lắp đặt.\n",
    ),
    (
        "to-lien-gia-an-toan-pccc",
        "id: to-lien-gia-an-toan-pccc\nname: Tổ liên gia an toàn phòng cháy, chữa cháy\nunit: tổ\ncategory: Phòng cháy, chữa cháy\norder: 2\ndescription: |\n  Các hộ gia đình liền kề liên kết với nhau để cùng phòng ngừa cháy, nổ và hỗ trợ\n  nhau chữa cháy ban đầu.\n",
    ),
    (
        "diem-chua-chay-cong-cong",
        "name: Điểm chữa cháy công cộng\nunit: điểm\ncategory: Phòng cháy, chữa cháy\norder: 3\ndescription: |\n  Điểm đặt sẵn phương tiện chữa cháy tại khu dân cư để người dân sử dụng ngay khi\n  xảy ra cháy.\n",
    ),
    (
        "lien-ket-dam-bao-antt",
        "name: Liên kết đảm bảo ANTT\nunit: mô hình\ncategory: Tự quản\norder: 4\ndescription: |\n  Tổ liên kết của người dân và các đơn vị trên một địa bàn, phối hợp với Công an\n  xã giữ gìn an ninh trật tự, giải quyết các vụ việc nhỏ tại cơ sở.\n",
    ),
    (
        "bong-dien-an-ninh",
        "name: Bóng điện an ninh\nunit: mô hình\ncategory: An ninh trật tự\norder: 5\ndescription: |\n  Thắp sáng đường ngõ, khu dân cư vào ban đêm để phòng ngừa tội phạm và tệ nạn.\n",
    ),
    (
        "nha-toi-co-binh-chua-chay",
        "name: Nhà tôi có bình chữa cháy\nunit: mô hình\ncategory: Phòng cháy, chữa cháy\norder: 6\ndescription: |\n  Vận động mỗi hộ gia đình trang bị bình chữa cháy và biết cách sử dụng.\n",
    ),
    (
        "to-tu-quan-ve-antt",
        "name: Tổ tự quản về ANTT\nunit: tổ\ncategory: Tự quản\norder: 7\ndescription: |\n  Tổ do người dân tự tổ chức để tự phòng, tự quản về an ninh trật tự tại khu dân cư.\n",
    ),
];

/// The model types every commune counts every year, in file order.
const COUNTED: [&str; 4] = [
    "camera-an-ninh",
    "to-lien-gia-an-toan-pccc",
    "diem-chua-chay-cong-cong",
    "to-tu-quan-ve-antt",
];
const REPORT: &str = "bao-cao-tong-ket";
const PRESS: &str = "bao-cong-an-nhan-dan";

/// The slug of a name, exactly as `src/text/slug.rs` computes it.
fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else if c != '\'' {
            pending_dash = true;
        }
    }
    slug
}

/// A YAML double-quoted scalar.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as a YAML literal block (`|`) indented by `indent` spaces.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::from("|\n");
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
    out
}

/// Wraps words into lines of at most 88 characters.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if width > 0 && width + 1 + w > 88 {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += w;
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xa,
    Phuong,
    ThiTran,
}

impl Kind {
    /// The word as written in YAML and in running text.
    fn word(self) -> &'static str {
        match self {
            Kind::Xa => "xã",
            Kind::Phuong => "phường",
            Kind::ThiTran => "thị trấn",
        }
    }
}

/// One commune's figures for one year.
#[derive(Clone, Default)]
struct YearFigures {
    /// Counts of the `COUNTED` model types at the end of the year.
    counts: [u64; 4],
    /// What was added to each during the year.
    added: [u64; 4],
    sessions: u64,
    participations: u64,
    tips: u64,
    valuable_tips: u64,
}

struct Commune {
    id: String,
    explicit_id: bool,
    name: String,
    kind: Kind,
    code: String,
    /// Oldest first.
    years: Vec<YearFigures>,
}

fn person(rng: &mut Rng) -> String {
    let family = rng.pick(FAMILY);
    if rng.chance(30) {
        format!(
            "{family} {} {}",
            rng.pick(MIDDLE_FEMALE),
            rng.pick(GIVEN_FEMALE)
        )
    } else {
        format!(
            "{family} {} {}",
            rng.pick(MIDDLE_MALE),
            rng.pick(GIVEN_MALE)
        )
    }
}

/// Syllables that differ only in their diacritics.
const TWINS: &[(&str, &str)] = &[
    ("Thành", "Thạnh"),
    ("Lang", "Lăng"),
    ("Hưng", "Hùng"),
    ("Tân", "Tấn"),
    ("Hòa", "Hóa"),
    ("Phú", "Phụ"),
];

/// `name` with every syllable that has a twin replaced by it; empty when none has.
fn twin_of(name: &str) -> String {
    let mut changed = false;
    let words: Vec<&str> = name
        .split(' ')
        .map(|w| {
            for &(a, b) in TWINS {
                if w == a || w == b {
                    changed = true;
                    return if w == a { b } else { a };
                }
            }
            w
        })
        .collect();
    if changed {
        words.join(" ")
    } else {
        String::new()
    }
}

/// Unique names, kinds, codes and ids for `n` communes.
fn communes(rng: &mut Rng, n: usize, years: usize) -> Vec<Commune> {
    let numbered = (n / 8).min(12);
    let mut names = BTreeSet::new();
    let mut ids = BTreeSet::new();
    let mut list = Vec::with_capacity(n);
    let mut code = 100 + rng.range(0, 50) * 3;
    for i in 0..n {
        let (name, kind, explicit) = if i < numbered {
            // "Phường 1" … "Phường 12": the name is the number; the id says what it is.
            (
                (i + 1).to_string(),
                Kind::Phuong,
                Some(format!("phuong-{}", i + 1)),
            )
        } else {
            // About one name in 25 is the diacritic twin of the previous one
            // ("Tân Thành" after "Tân Thạnh"), so collisions occur at every size.
            let twin = list
                .last()
                .filter(|c: &&Commune| !c.explicit_id && rng.chance(4))
                .map(|c| twin_of(&c.name))
                .filter(|t| !t.is_empty() && !names.contains(t));
            let name = loop {
                if let Some(t) = &twin {
                    break t.clone();
                }
                let a = rng.pick(SYLLABLES);
                let b = rng.pick(SYLLABLES);
                if slugify(a) == slugify(b) {
                    continue;
                }
                let mut name = format!("{a} {b}");
                if rng.chance(55) {
                    name.push(' ');
                    name.push_str(rng.pick(DIRECTIONS));
                }
                let name: String = name.nfc().collect();
                if !names.contains(&name) {
                    break name;
                }
            };
            let kind = match rng.range(0, 99) {
                0..=69 => Kind::Xa,
                70..=94 => Kind::Phuong,
                _ => Kind::ThiTran,
            };
            (name, kind, None)
        };
        names.insert(name.clone());
        let slug = slugify(&name);
        let (id, explicit_id) = match explicit {
            Some(id) => (id, true),
            None if !ids.contains(&slug) => (slug, false),
            None => {
                // Same slug as an earlier name: this one carries an explicit id.
                let id = (2..)
                    .map(|k| format!("{slug}-{k}"))
                    .find(|id| !ids.contains(id))
                    .expect("some suffix is free");
                (id, true)
            }
        };
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        list.push(Commune {
            id,
            explicit_id,
            name,
            kind,
            code: format!("{code:05}"),
            years: figures(rng, years, kind),
        });
        code += 3 * rng.range(1, 3);
        assert!(code < 100_000, "too many communes for 5-digit codes");
    }
    list
}

/// Figures of one commune over `years` years, oldest first. Counts never decrease.
fn figures(rng: &mut Rng, years: usize, kind: Kind) -> Vec<YearFigures> {
    let urban = kind != Kind::Xa;
    let mut counts = [
        rng.range(0, if urban { 30 } else { 12 }),
        rng.range(0, 6),
        rng.range(0, 8),
        rng.range(1, 6),
    ];
    let growth = [if urban { 9 } else { 5 }, 3, 4, 2];
    // Campaign figures vary from year to year around the commune's own size, never by more
    // than the year-change check allows.
    let size = rng.range(3, 25);
    let attendance = rng.range(40, 100);
    let valuable_share = rng.range(40, 80);
    (0..years)
        .map(|_| {
            let mut y = YearFigures::default();
            for ((count, added), most) in counts.iter_mut().zip(&mut y.added).zip(growth) {
                *added = rng.range(0, most);
                *count += *added;
            }
            y.counts = counts;
            y.sessions = rng.range(size / 2 + 1, size + 2);
            y.participations = y.sessions * rng.range(attendance, attendance + 20);
            y.tips = rng.range(size / 3, size + 6);
            y.valuable_tips = y.tips * valuable_share / 100;
            y
        })
        .collect()
}

fn summary(rng: &mut Rng, c: &Commune) -> String {
    let place = format!("{} {}", c.kind.word(), c.name);
    let villages = rng.range(4, 22);
    let village = rng.pick(VILLAGE_WORDS);
    let first = [
        format!(
            "Là {place} nằm ở phía {} của địa bàn, có {villages} {village} với nhiều tuyến đường giao thông quan trọng đi qua.",
            rng.pick(&["Đông", "Tây", "Nam", "Bắc", "Tây Bắc", "Đông Nam"])
        ),
        format!(
            "{} có {villages} {village}, dân cư đông, nhiều cơ sở sản xuất, kinh doanh và lao động từ nơi khác đến sinh sống.",
            capitalise(&place)
        ),
        format!(
            "Địa bàn {place} gồm {villages} {village}, tiềm ẩn nguy cơ về trộm cắp tài sản, tệ nạn ma túy và cháy, nổ trong khu dân cư."
        ),
    ];
    let second = [
        format!(
            "Công an {place} đã tham mưu cấp ủy, chính quyền xây dựng và nhân rộng các mô hình tự quản; nhân dân đã cung cấp **{}** nguồn tin có giá trị trong năm {LAST_YEAR}.",
            c.years.last().map_or(0, |y| y.valuable_tips)
        ),
        format!(
            "Với vai trò nòng cốt, Công an {place} phối hợp với các đoàn thể tuyên truyền, vận động nhân dân tham gia phong trào “Toàn dân bảo vệ an ninh Tổ quốc” và lắp đặt camera an ninh."
        ),
        format!(
            "Năm {LAST_YEAR}, {place} có {} mắt camera an ninh, tăng {} mắt so với năm trước, góp phần phát hiện, xử lý kịp thời các vụ việc phức tạp về an ninh trật tự.",
            c.years.last().map_or(0, |y| y.counts[0]),
            c.years.last().map_or(0, |y| y.added[0])
        ),
    ];
    let a = rng.take(first.into());
    let b = rng.take(second.into());
    let extra = if rng.chance(50) {
        " Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định."
    } else {
        ""
    };
    format!("{}\n\n{}\n", wrap(&format!("{a}{extra}")), wrap(&b))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn commune_yaml(rng: &mut Rng, c: &Commune, first_year: i64) -> String {
    let mut y = String::with_capacity(4096);
    let _ = writeln!(
        y,
        "# {} {}: synthetic figures, generated by examples/synth.rs",
        capitalise(c.kind.word()),
        c.name
    );
    if c.explicit_id {
        let _ = writeln!(y, "id: {}", c.id);
    }
    let _ = writeln!(y, "name: {}", q(&c.name));
    let _ = writeln!(y, "kind: {}", c.kind.word());
    let _ = writeln!(y, "code: \"{}\"", c.code);
    let _ = writeln!(y, "source: {REPORT}");
    let chief = person(rng);
    let _ = writeln!(
        y,
        "chief:\n  rank: {}\n  name: {}\n  title: {}",
        rng.pick(RANKS),
        q(&chief),
        q(&format!("Trưởng Công an {} {}", c.kind.word(), c.name))
    );
    let _ = write!(y, "summary: {}", block(&summary(rng, c), 2));
    y.push_str("years:\n");
    let last = c.years.len().saturating_sub(1);
    let extras = rng.chance(10);
    for (i, f) in c.years.iter().enumerate().rev() {
        let year = first_year + i as i64;
        let _ = writeln!(y, "  - year: {year}\n    models:");
        for (k, model) in COUNTED.iter().enumerate() {
            let _ = writeln!(y, "      - model: {model}");
            if i == last && k == 0 && rng.chance(5) {
                let _ = writeln!(
                    y,
                    "        count: {{ value: {}, note: tính đến ngày 31/12/{year} }}",
                    f.counts[k]
                );
            } else {
                let _ = writeln!(y, "        count: {}", f.counts[k]);
            }
        }
        if extras && i + 2 >= c.years.len() {
            y.push_str("      - model: bong-dien-an-ninh\n        note: từ khi ra mắt đã hoạt động hiệu quả\n");
        }
        let _ = writeln!(
            y,
            "    campaign:\n      sessions: {}\n      participations: {}\n      tips: {}\n      valuable_tips: {}",
            f.sessions, f.participations, f.tips, f.valuable_tips
        );
        if i == last && rng.chance(3) {
            let _ = writeln!(y, "    note: Số liệu tính đến tháng 11/{year}.");
        }
    }
    if rng.chance(12) {
        y.push_str("groups:\n");
        for _ in 0..rng.range(1, 2) {
            let (model, label) = if rng.chance(50) {
                ("lien-ket-dam-bao-antt", "Liên kết đảm bảo ANTT")
            } else {
                ("to-tu-quan-ve-antt", "Tổ tự quản về ANTT")
            };
            let place = format!("{} {}", rng.pick(VILLAGE_WORDS), rng.pick(SYLLABLES));
            let founded = format!(
                "{}-{:02}",
                rng.range(2015, LAST_YEAR as u64),
                rng.range(1, 12)
            );
            let _ = writeln!(
                y,
                "  - name: {}\n    model: {model}\n    source: {PRESS}\n    founded: \"{founded}\"\n    members: {}",
                q(&format!("{label} {place}")),
                rng.range(8, 60)
            );
            let _ = writeln!(
                y,
                "    outcomes:\n      - label: Vụ việc hòa giải thành tại cơ sở\n        value: {}",
                rng.range(0, 15)
            );
            if rng.chance(50) {
                let _ = writeln!(
                    y,
                    "      - label: Vụ việc chuyển Công an {} giải quyết\n        value: {}",
                    c.kind.word(),
                    rng.range(0, 5)
                );
            }
            y.push_str("    motto: tự phòng, tự quản, tự bảo vệ, tự hòa giải\n");
            let narrative = format!(
                "{}\n\n{}\n",
                wrap(&format!(
                    "Ngay khi thành lập, các thành viên trong tổ tập trung tuyên truyền, vận động nhân dân {place} chấp hành các chủ trương, chính sách của Đảng, pháp luật của Nhà nước và quy ước của địa phương."
                )),
                wrap(
                    "Tổ đã giải quyết các vụ việc nhỏ xảy ra tại cơ sở, cung cấp cho cơ quan Công an nhiều nguồn tin có giá trị."
                ),
            );
            let _ = write!(y, "    narrative: {}", block(&narrative, 6));
        }
    }
    if rng.chance(15) {
        y.push_str("quotes:\n");
        let speaker = person(rng);
        let role = format!(
            "{} {}, {} {}",
            rng.pick(VILLAGE_WORDS),
            rng.pick(SYLLABLES),
            c.kind.word(),
            c.name
        );
        let _ = writeln!(
            y,
            "  - speaker: {}\n    role: {}\n    source: {PRESS}",
            q(&format!(
                "{} {speaker}",
                if rng.chance(50) { "Ông" } else { "Bà" }
            )),
            q(&role)
        );
        let text = wrap(
            "Hiện nay, tình hình an ninh trật tự ở địa phương đảm bảo. Khi có vụ việc phức tạp, các thành viên trong tổ đều có mặt, phối hợp với Công an giải quyết kịp thời, vì vậy bà con rất yên tâm.",
        );
        let _ = write!(y, "    text: {}", block(&text, 6).replacen('|', ">-", 1));
    }
    y
}

fn site_yaml(first_year: i64, n: usize) -> String {
    format!(
        "# The report as a whole: a synthetic project generated by examples/synth.rs.
title: Báo cáo an ninh trật tự giai đoạn {first_year}–{LAST_YEAR}
locality: Tỉnh Sông Hồng
province: Tỉnh Sông Hồng
agency: Công an tỉnh Sông Hồng
language: vi
base_url: https://example.gov.vn/bao-cao/
description: >-
  Số liệu tổng hợp (không có thật) về các mô hình bảo đảm an ninh trật tự và phong trào
  “Toàn dân bảo vệ an ninh Tổ quốc” của {n} xã, phường, thị trấn, dùng để đo hiệu năng.
sources:
  - id: {REPORT}
    title: Báo cáo tổng kết công tác bảo đảm an ninh trật tự giai đoạn {first_year}–{LAST_YEAR}
    publisher: Công an tỉnh Sông Hồng
    date: \"{LAST_YEAR}-12-28\"
  - id: {PRESS}
    title: Các mô hình tự quản về an ninh trật tự ở cơ sở
    publisher: Báo Công an nhân dân
    author: Mạnh Cường
    date: \"{LAST_YEAR}-11\"
"
    )
}

fn year_yaml(rng: &mut Rng, communes: &[Commune], index: usize, year: i64) -> String {
    let sum = |f: &dyn Fn(&YearFigures) -> u64| -> u64 {
        communes.iter().map(|c| f(&c.years[index])).sum()
    };
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# City-wide figures for {year}: synthetic, generated by examples/synth.rs.\nsource: {REPORT}"
    );
    let n = communes.len() as u64;
    let _ = writeln!(
        y,
        "campaign:\n  focus_areas: {}\n  focus_areas_note: ở mỗi xã, phường đã lựa chọn 1 đến 2 thôn, tổ dân phố vận động tập trung\n  sessions: {}\n  participations: {}\n  tips: {}\n  valuable_tips: {}",
        n.div_ceil(2),
        sum(&|f| f.sessions),
        sum(&|f| f.participations),
        sum(&|f| f.tips),
        sum(&|f| f.valuable_tips)
    );
    let safe = n - rng.range(0, n / 10);
    let villages = n * 9;
    let agencies = n * 3;
    let _ = writeln!(
        y,
        "attainment:\n  communes: {{ safe: {safe}, total: {n} }}\n  villages: {{ safe: {}, total: {villages} }}\n  agencies: {{ safe: {}, total: {agencies} }}",
        villages - rng.range(0, villages / 20),
        agencies - rng.range(0, agencies / 30)
    );
    y.push_str("models:\n");
    // Camera: total = sum over communes; what was added splits into city budget and
    // community funding, so total ≥ city_budget.count + community_funded.
    let total = sum(&|f| f.counts[0]);
    let added = sum(&|f| f.added[0]);
    let budget = added * rng.range(15, 35) / 100;
    let locations = (budget * rng.range(50, 80) / 100).max(budget.min(1));
    let _ = writeln!(
        y,
        "  - model: camera-an-ninh\n    total: {total}\n    city_budget:\n      count: {budget}\n      locations: {locations}\n      value_vnd: {}\n    community_funded: {}",
        budget * 227_000_000,
        added - budget
    );
    for (k, model) in COUNTED.iter().enumerate().skip(1) {
        let _ = writeln!(
            y,
            "  - model: {model}\n    total: {}\n    new: {}",
            sum(&|f| f.counts[k]),
            sum(&|f| f.added[k])
        );
    }
    // Model types that communes do not count: city figures only.
    for model in [
        "lien-ket-dam-bao-antt",
        "bong-dien-an-ninh",
        "nha-toi-co-binh-chua-chay",
    ] {
        let new = rng.range(n / 20, n / 5 + 1);
        let _ = writeln!(
            y,
            "  - model: {model}\n    new: {new}\n    total: {}",
            new + rng.range(n / 4, n / 2 + 1) * (index as u64 + 1)
        );
    }
    let narrative = format!(
        "{}\n\n{}\n",
        wrap(&format!(
            "Năm {year}, phong trào “Toàn dân bảo vệ an ninh Tổ quốc” được triển khai đến tất cả {n} xã, phường, thị trấn. Quần chúng nhân dân đã cung cấp {} nguồn tin, trong đó {} nguồn tin có giá trị.",
            sum(&|f| f.tips),
            sum(&|f| f.valuable_tips)
        )),
        wrap(&format!(
            "Toàn tỉnh có {total} mắt camera an ninh; ngân sách đầu tư {budget} mắt, các địa phương xã hội hóa {} mắt. Thời gian tới, Công an tỉnh tiếp tục nhân rộng mô hình “Camera an ninh” và các mô hình tự quản.",
            added - budget
        )),
    );
    let _ = write!(y, "narrative: {}", block(&narrative, 2));
    let _ = writeln!(
        y,
        "quotes:\n  - speaker: {}\n    role: Giám đốc Công an tỉnh\n    text: >-\n      Các mô hình tự quản về an ninh trật tự tiếp tục được duy trì hiệu quả; năm {year}\n      toàn tỉnh có thêm {added} mắt camera an ninh.",
        q(&format!("Đại tá {}", person(rng)))
    );
    y
}

const PAGE: &str = "---
title: Về báo cáo này
order: 1
description: Dữ liệu tổng hợp dùng để đo hiệu năng của baocao
---
Báo cáo này được sinh tự động bởi `examples/synth.rs`. Mọi tên, mã và số liệu đều **không
có thật**; chúng chỉ có hình dạng của một báo cáo thật để đo thời gian dựng trang.

## Cách đọc số liệu

- Mỗi số liệu có số nguồn trong ngoặc vuông, ví dụ [1]; trang
  [Nguồn](../sources.html) liệt kê từng nguồn.
- Tổng số của tỉnh bằng tổng số liệu của các xã, phường, thị trấn.
";

/// What to generate (also used by `tests/scale.rs`).
pub(crate) struct Args {
    pub(crate) communes: usize,
    pub(crate) years: usize,
    /// Districts the communes are grouped in (`content/groups/`); 0 for none.
    pub(crate) groups: usize,
    pub(crate) seed: u64,
    pub(crate) dir: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut communes, mut years, mut groups, mut seed, mut dir) = (100, 10, 0, 2023, None);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let v = args.next().ok_or(format!("{name} needs a value"))?;
            v.parse()
                .map_err(|_| format!("{name}: `{v}` is not a whole number"))
        };
        match arg.as_str() {
            "--communes" => communes = number("--communes")? as usize,
            "--years" => years = number("--years")? as usize,
            "--groups" => groups = number("--groups")? as usize,
            "--seed" => seed = number("--seed")?,
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') => return Err(format!("unknown option `{a}`")),
            a if dir.is_none() => dir = Some(PathBuf::from(a)),
            a => return Err(format!("unexpected argument `{a}`")),
        }
    }
    if communes == 0 {
        return Err("--communes must be at least 1".into());
    }
    if !(1..=79).contains(&years) {
        return Err(
            "--years must be between 1 and 79 (years end at 2023, start at 1945 or later)".into(),
        );
    }
    let dir = dir.ok_or("missing DIR")?;
    if groups > communes {
        return Err("--groups cannot be more than --communes".into());
    }
    Ok(Args {
        communes,
        years,
        groups,
        seed,
        dir,
    })
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes the project; returns the number of communes and of names given an explicit id.
pub(crate) fn generate(args: &Args) -> Result<(usize, usize), String> {
    let dir = &args.dir;
    if dir.exists() {
        let mut entries =
            fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; give a new or empty folder",
                dir.display()
            ));
        }
    }
    let content = dir.join("content");
    for sub in ["communes", "models", "years", "pages", "groups"] {
        let folder = content.join(sub);
        fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    let mut rng = Rng(args.seed);
    let first_year = LAST_YEAR - args.years as i64 + 1;
    let communes = communes(&mut rng, args.communes, args.years);

    write(
        &content.join("site.yaml"),
        &site_yaml(first_year, communes.len()),
    )?;
    for (file, body) in MODELS {
        write(&content.join("models").join(format!("{file}.yaml")), body)?;
    }
    write(&content.join("pages/gioi-thieu.md"), PAGE)?;
    for index in 0..args.years {
        let year = first_year + index as i64;
        let text = year_yaml(&mut rng, &communes, index, year);
        write(&content.join("years").join(format!("{year}.yaml")), &text)?;
    }
    // Districts, each a run of communes in generated order.
    for g in 0..args.groups {
        let name = format!("{} {}", rng.pick(SYLLABLES), rng.pick(SYLLABLES));
        let text = format!("name: {}\nkind: huyện\n", q(&capitalise(&name)));
        write(
            &content.join("groups").join(format!("huyen-{g}.yaml")),
            &text,
        )?;
    }
    let mut collisions = 0;
    let mut slugs: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in communes.iter().enumerate() {
        *slugs.entry(slugify(&c.name)).or_default() += 1;
        let mut text = commune_yaml(&mut rng, c, first_year);
        if args.groups > 0 {
            text.push_str(&format!(
                "group: huyen-{}\n",
                i * args.groups / communes.len()
            ));
        }
        write(
            &content.join("communes").join(format!("{}.yaml", c.id)),
            &text,
        )?;
    }
    for count in slugs.values() {
        collisions += count - 1;
    }
    Ok((communes.len(), collisions))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match generate(&args) {
        Ok((communes, collisions)) => {
            println!(
                "wrote {communes} communes × {} years into {} ({collisions} names share a slug with another and carry an explicit id)",
                args.years,
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
