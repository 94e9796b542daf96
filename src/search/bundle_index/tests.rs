//! The writer against the `pagefind` crate's own indexer: same records in, same files out
//! (names and decompressed contents).

use std::collections::BTreeMap;
use std::io::Read;

use super::*;
use crate::search::bundle::crate_bundle;
use crate::search::pagefind_facts;

/// Every index file (`.pf_meta`, `.pf_index`, `.pf_filter`, `.pf_fragment`) of `theirs` is in
/// `ours` with the same name and decompressed content, and no other; the entry files agree.
pub(crate) fn assert_same_index(ours: &[(String, Vec<u8>)], theirs: &[(String, Vec<u8>)]) {
    let decode = |files: &[(String, Vec<u8>)]| -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .filter(|(name, _)| name.contains(".pf_"))
            .map(|(name, bytes)| {
                let mut plain = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut plain)
                    .expect("index files are gzip");
                (name.clone(), plain)
            })
            .collect()
    };
    let (ours_decoded, theirs_decoded) = (decode(ours), decode(theirs));
    for kind in [".pf_meta", ".pf_index", ".pf_fragment"] {
        assert!(
            theirs_decoded.keys().any(|name| name.ends_with(kind)),
            "Pagefind made a {kind} file"
        );
    }
    assert_eq!(
        ours_decoded.keys().collect::<Vec<_>>(),
        theirs_decoded.keys().collect::<Vec<_>>(),
        "the same file names"
    );
    for (name, content) in &theirs_decoded {
        if ours_decoded[name] != *content {
            panic!(
                "{name} differs:\nours:   {}\ntheirs: {}",
                String::from_utf8_lossy(&ours_decoded[name]),
                String::from_utf8_lossy(content)
            );
        }
    }
    let entry = |files: &[(String, Vec<u8>)]| -> serde_json::Value {
        let (_, bytes) = files
            .iter()
            .find(|(name, _)| name == "pagefind-entry.json")
            .expect("an entry file");
        serde_json::from_slice(bytes).expect("the entry file is JSON")
    };
    if ours.iter().any(|(name, _)| name == "pagefind-entry.json") {
        assert_eq!(entry(ours), entry(theirs));
    }
}

fn options(records: &[Record]) -> Options {
    let meta_fields = records
        .iter()
        .flat_map(|r| r.meta.keys().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    Options {
        language: "sv".into(),
        version: pagefind_facts::VERSION.into(),
        meta_fields,
        compression: 1,
    }
}

fn record(url: &str, content: &str, meta: &[(&str, &str)], filters: &[(&str, &[&str])]) -> Record {
    Record {
        url: url.into(),
        content: content.into(),
        meta: meta
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        filters: filters
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect(),
        sort: BTreeMap::new(),
    }
}

/// Our index files for `records`, the fragments among them.
fn index_files(records: &[Record], options: &Options) -> IndexFiles {
    let mut fragments = Vec::new();
    let mut keep = |name, bytes| {
        fragments.push((name, bytes));
        Ok(())
    };
    let mut ours = write_index(
        records.len(),
        |i| Ok(records[i].clone()),
        options,
        &mut keep,
    )
    .expect("index");
    ours.files.extend(fragments);
    ours
}

fn compare(records: Vec<Record>) {
    let options = options(&records);
    let ours = index_files(&records, &options);
    let theirs = crate_bundle(records).expect("the crate's bundle");
    assert_same_index(&ours.files, &theirs);
}

#[test]
fn words_as_editors_write_them() {
    let texts = [
        "Barnen i Örebro län fick stöd. Barngruppsverksamheten (BRA-modellen) startade 2019–2021!",
        "Föräldrar, förälder och föräldrarnas: t.ex. SOFIA-modellen; e-post: info@fou.se www.fou.se/rapport",
        "CamelCaseOrd och snake_case_ord, ÅÄÖ åäö Ångermanland Västerås café Kärnan 3:e 10,5 % 😀 🇸🇪",
        "sysconfig.is_python_build 1.2.3 ...punkt... ” « citat » — – - ‐ \u{200B}noll\u{200B}bredd カタカナ",
        "Beardslees familjeintervention; Föra barnen på tal (FBPT) · GIRFEC/SHANARRI",
        "",
        "– — ...",
        "barn och unga, barn-och-unga, Barn/Unga, barnUnga, barn. unga! barn-barn x.BarnUnga.unga",
    ];
    let mut records = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        records.push(record(
            &format!("/rapporter/r{i}/"),
            text,
            &[
                (
                    "title",
                    &format!("Rapport {i}: Barn & unga i Jönköpings län"),
                ),
                ("period", "2019 – 2021"),
            ],
            &[
                ("lan", &["Örebro län", "Västra Götalands län"]),
                ("ar", &["2019", "2020"]),
            ],
        ));
    }
    // A record with a meta field the others lack, and one where a word with diacritics is only
    // in the metadata.
    records[1]
        .meta
        .insert("organisation".into(), "FoU i Väst / GR".into());
    records[2]
        .meta
        .insert("title".into(), "Öppen förskola".into());
    records[3].sort.insert("year".into(), "2021".into());
    records[4].sort.insert("year".into(), "2019".into());
    compare(records);
}

#[test]
fn many_records_make_several_index_chunks_and_sorted_pages() {
    let vocabulary = [
        "barn",
        "barnen",
        "barnens",
        "förälder",
        "föräldrar",
        "stöd",
        "samverkan",
        "skola",
        "socialtjänst",
        "barngrupp",
        "barngruppsledare",
        "Örebro",
        "Skövde",
        "modell",
        "utvärdering",
        "intervju",
        "enkät",
        "familj",
        "anhöriga",
        "missbruk",
        "psykisk",
        "ohälsa",
        "våld",
        "é",
    ];
    let records: Vec<Record> = (0..120)
        .map(|i| {
            let words: Vec<&str> = (0..400)
                .map(|j| vocabulary[(i * 7 + j * j * 13 + j) % vocabulary.len()])
                .collect();
            let mut r = record(
                &format!("/rapporter/{i:03}/"),
                &words.join(" "),
                &[("title", &format!("Rapport nr {i}")), ("period", "2020 –")],
                &[("metod", &[["BRA", "Beardslee"][i % 2]])],
            );
            r.sort.insert("title".into(), format!("{:06}", 119 - i));
            r.sort.insert("year".into(), (2000 + i % 23).to_string());
            r
        })
        .collect();
    let options = options(&records);
    let ours = index_files(&records, &options);
    let chunks = ours
        .files
        .iter()
        .filter(|(n, _)| n.starts_with("index/"))
        .count();
    assert!(chunks > 2, "{chunks} chunks");
    compare(records);
}

/// Pieces of random words: letters with and without diacritics, combining marks, capitals,
/// digits, punctuation, symbols, emoji, katakana, zero-width and other spaces.
const PIECES: &[&str] = &[
    "barn",
    "grupp",
    "s",
    "Ö",
    "ö",
    "å",
    "Ä",
    "e\u{301}",
    "A",
    "Z",
    "x",
    "1",
    "2019",
    "0",
    "-",
    "–",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "(",
    ")",
    "/",
    "&",
    "%",
    "'",
    "\"",
    "_",
    "@",
    "#",
    "*",
    "😀",
    "👍🏽",
    "🇸🇪",
    "カタカナ",
    "カナ",
    "ナ",
    "ー",
    "ß",
    "İ",
    "Σ",
    "ﬁ",
    "\u{200B}",
    " ",
    "\u{A0}",
    "\n",
    "___",
    "ǅ",
    "½",
    "²",
    "٣",
];

/// A fixed xorshift sequence of random pieces: the same words on every run.
struct RandomPieces(u64);

impl RandomPieces {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn piece(&mut self) -> &'static str {
        PIECES[self.below(PIECES.len())]
    }

    /// `words` words of one to four pieces each, separated by spaces.
    fn text(&mut self, words: usize) -> String {
        let mut text = String::new();
        for _ in 0..words {
            for _ in 0..1 + self.below(4) {
                text.push_str(self.piece());
            }
            text.push(' ');
        }
        text
    }
}

/// Words made of random pieces: the word rules must agree with Pagefind's on text nobody
/// wrote by hand.
#[test]
fn random_words_agree_with_pagefind() {
    let mut random = RandomPieces(0x2545_F491_4F6C_DD1D);
    let mut records = Vec::new();
    for i in 0..60 {
        let text = random.text(200);
        let title: String = (0..4).map(|_| random.piece()).collect();
        records.push(record(
            &format!("/r/{i}/"),
            &text,
            &[("title", &title), ("period", "2020 – 2021")],
            &[("lan", &[random.piece()])],
        ));
    }
    compare(records);
}

/// Pagefind's files are its signature and content, gzipped at its level: compressing the same
/// again gives the same bytes.
#[test]
fn pagefind_gzips_its_signature_and_content_at_its_level() {
    let records = vec![record(
        "/r/",
        "Barn och unga i Örebro",
        &[("title", "T")],
        &[],
    )];
    let files = crate_bundle(records).expect("the crate's bundle");
    let mut checked = 0;
    for (name, bytes) in files.iter().filter(|(name, _)| name.contains(".pf_")) {
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut plain)
            .expect("index files are gzip");
        let content = plain
            .strip_prefix(pagefind_facts::GZIP_SIGNATURE)
            .expect("the signature comes first");
        let again = format::gzip(content, pagefind_facts::GZIP_LEVEL);
        assert!(again == *bytes, "{name} is not gzip at level 9");
        checked += 1;
    }
    assert!(checked >= 3, "{checked} files");
}

/// Found by tests/generated_inputs.rs: a word of combining marks alone (U+1920) has an empty
/// stem once its diacritics are stripped. Pagefind's indexer must be followed there too.
#[test]
fn a_word_of_combining_marks_alone_agrees_with_pagefind() {
    let text = "barn \u{1920} unga \u{0301}\u{0301} x\u{1920}y \u{11d3a}";
    compare(vec![record(
        "/rapporter/r0/",
        text,
        &[("title", "\u{1920}")],
        &[],
    )]);
}
