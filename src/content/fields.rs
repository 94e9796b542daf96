//! The frontmatter keys a report may have: one table that the parser, the unknown-key
//! suggestions, the messages' examples and `fouweb new`'s template all read.

/// A frontmatter key fouweb knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Slug,
    County,
    Municipalities,
    Organisation,
    Period,
    Methods,
    Outcomes,
    TargetGroups,
    Funding,
    BudgetSek,
    Status,
    Contact,
    Tags,
    Summary,
    Draft,
}

/// One key: its name, whether a report must have it, a well-formed value for messages, and
/// what `fouweb new` writes when the editor gave nothing.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: Key,
    pub name: &'static str,
    pub required: bool,
    /// A well-formed value, shown in hints (`write e.g. `county: Örebro län``).
    pub example: &'static str,
    /// The value `fouweb new` writes, with an optional comment after it.
    pub blank: &'static str,
    pub comment: Option<&'static str>,
}

const fn field(key: Key, name: &'static str, example: &'static str, blank: &'static str) -> Field {
    Field {
        key,
        name,
        required: false,
        example,
        blank,
        comment: None,
    }
}

const fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

const fn commented(mut f: Field, comment: &'static str) -> Field {
    f.comment = Some(comment);
    f
}

/// Every key, in the order `fouweb new` writes them.
pub const FIELDS: [Field; 16] = [
    required(field(
        Key::Title,
        "title",
        "Barngrupper i Örebro län 2008–2009",
        "\"\"",
    )),
    field(Key::Slug, "slug", "orebro-barngrupper", ""),
    required(commented(
        field(Key::County, "county", "Örebro län", "[]"),
        "län, short name, SCB code or sub-region",
    )),
    field(
        Key::Municipalities,
        "municipalities",
        "[Nora, Lindesberg]",
        "[]",
    ),
    field(
        Key::Organisation,
        "organisation",
        "FoU Välfärd Örebro",
        "\"\"",
    ),
    required(commented(
        field(Key::Period, "period", "{start: 2008-06, end: 2009-12}", ""),
        "leave `end` empty while the work goes on",
    )),
    field(Key::Methods, "methods", "[BRA, Föra barnen på tal]", "[]"),
    field(
        Key::Outcomes,
        "outcomes",
        "[Sju kommuner driver barngrupper]",
        "[]",
    ),
    field(
        Key::TargetGroups,
        "target_groups",
        "[barn som anhöriga]",
        "[]",
    ),
    field(Key::Funding, "funding", "Allmänna arvsfonden", "\"\""),
    field(Key::BudgetSek, "budget_sek", "350000", ""),
    field(Key::Status, "status", "avslutad", "pågående"),
    field(Key::Contact, "contact", "namn@example.org", "\"\""),
    field(Key::Tags, "tags", "[barn som anhöriga]", "[]"),
    field(
        Key::Summary,
        "summary",
        "Två barngrupper startade 2008.",
        "\"\"",
    ),
    field(Key::Draft, "draft", "true", "false"),
];

impl Key {
    /// The key's entry in [`FIELDS`].
    pub fn field(self) -> &'static Field {
        // FIELDS lists every key once, in the enum's order (checked by a test).
        &FIELDS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.field().name
    }
}

/// The field written as `name`, if fouweb knows it.
pub fn named(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The names of every key, for messages.
pub fn names() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|f| f.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_its_entry_in_order() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(f.key as usize, i, "{}", f.name);
            assert_eq!(named(f.name).map(|n| n.key), Some(f.key));
        }
        let required: Vec<&str> = FIELDS
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        assert_eq!(required, ["title", "county", "period"]);
    }
}
