//! URL names. The one place that decides how a title, a county or a method becomes a path
//! segment.

/// The longest URL name, in bytes. A URL name is a folder name in the output, and file systems
/// refuse names over 255 bytes; the rest is headroom for the files beside it.
pub const MAX_URL_NAME_BYTES: usize = 200;

/// Lowercases, folds Swedish and other Latin letters to ASCII (å/ä → a, ö → o, é → e) and turns
/// every other run of characters outside `a–z`/`0–9` into a single `-`.
///
/// ```
/// assert_eq!(fouweb::vocabulary::slugify("Barn med ”krångel” i familjen – Örebro"), "barn-med-krangel-i-familjen-orebro");
/// ```
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        if folded.is_empty() {
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        out.push_str(folded);
    }
    out
}

/// The ASCII form of a lowercase character, or "" when it separates words.
fn fold(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    match c {
        'a'..='z' => ASCII[(c as u8 - b'a') as usize],
        '0'..='9' => ASCII[26 + (c as u8 - b'0') as usize],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'š' => "s",
        'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn folds_swedish_letters() {
        assert_eq!(slugify("Västra Götalands län"), "vastra-gotalands-lan");
        assert_eq!(slugify("Återfallsprevention"), "aterfallsprevention");
        assert_eq!(
            slugify("Beardslées familjeintervention"),
            "beardslees-familjeintervention"
        );
    }

    #[test]
    fn collapses_and_trims_separators() {
        assert_eq!(
            slugify("  BRA – Barns rätt som anhöriga!! "),
            "bra-barns-ratt-som-anhoriga"
        );
        assert_eq!(slugify("12-stegsbehandling"), "12-stegsbehandling");
        assert_eq!(slugify("---"), "");
        assert_eq!(slugify("r00012_Ny rapport.v2"), "r00012-ny-rapport-v2");
    }
}
