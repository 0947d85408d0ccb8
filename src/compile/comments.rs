//! The comments of an authored file, each with the place it stood before, so that rewriting the file
//! (`fmt --to-v2`) puts every comment back where a reader expects it.

/// The comment blocks of a file, each with the place it stood before: a table (`parts[1]`), a key
/// (`parts[1].when`) or an item of a list (`parts[1].when[2]`).
pub fn comments(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut header = String::new();
    let mut counters: Vec<(String, usize)> = Vec::new();
    // Inside a value over several lines: its key, bracket depth, items started at depth 1.
    let mut open: Option<(String, i32, usize)> = None;
    let mut in_string = false;
    let place = |header: &str, k: &str| {
        if header.is_empty() {
            k.to_owned()
        } else {
            format!("{header}.{k}")
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('#') && !in_string {
            pending.push(trimmed.to_owned());
            continue;
        }
        if trimmed.is_empty() && open.is_none() {
            continue;
        }
        if let Some((k, depth, items)) = open.as_mut() {
            if !pending.is_empty() {
                out.push((
                    format!("{}[{items}]", place(&header, k)),
                    std::mem::take(&mut pending),
                ));
            }
            let (d, started) = scan(line, *depth, &mut in_string);
            *depth = d;
            *items += started;
            if *depth <= 0 {
                open = None;
            }
            continue;
        }
        if let Some(name) = trimmed
            .strip_prefix("[[")
            .and_then(|r| r.strip_suffix("]]"))
        {
            header = array_header(name.trim(), &mut counters);
            if !pending.is_empty() {
                out.push((header.clone(), std::mem::take(&mut pending)));
            }
        } else if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            header = table_header(name.trim(), &counters);
            if !pending.is_empty() {
                out.push((header.clone(), std::mem::take(&mut pending)));
            }
        } else if let Some((k, rest)) = trimmed.split_once('=') {
            let k = k
                .trim()
                .split('.')
                .next()
                .unwrap_or_default()
                .trim_matches('"')
                .to_owned();
            if !pending.is_empty() {
                out.push((place(&header, &k), std::mem::take(&mut pending)));
            }
            let (depth, _) = scan(rest, 0, &mut in_string);
            if depth > 0 {
                // The items started on this line, after the opening bracket.
                let (_, started) = scan(rest, 0, &mut false);
                open = Some((k, depth, started));
            }
        }
    }
    if !pending.is_empty() {
        out.push(("(end)".into(), pending));
    }
    out
}

/// Bracket depth after a line, and the items begun at depth 1 in it (strings and comments skipped).
fn scan(line: &str, mut depth: i32, in_string: &mut bool) -> (i32, usize) {
    let mut started = 0;
    let mut expect_item = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => *in_string = false,
                _ => {}
            }
            continue;
        }
        if depth == 1 && expect_item && !c.is_whitespace() && c != ']' && c != '#' {
            started += 1;
            expect_item = false;
        }
        match c {
            '#' => break,
            '"' => *in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    expect_item = true;
                }
            }
            ']' | '}' => depth -= 1,
            ',' if depth == 1 => expect_item = true,
            _ => {}
        }
    }
    (depth, started)
}

/// `[[parts]]` → `parts[2]`, `[[facts.fields]]` → `facts[7].fields[0]`.
fn array_header(name: &str, counters: &mut Vec<(String, usize)>) -> String {
    let base = match name.rsplit_once('.') {
        Some((parent, last)) => format!(
            "{}.{}",
            table_header(parent, counters),
            last.trim_matches('"')
        ),
        None => name.trim_matches('"').to_owned(),
    };
    let n = match counters.iter_mut().find(|(k, _)| *k == base) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            counters.push((base.clone(), 0));
            0
        }
    };
    format!("{base}[{n}]")
}

/// `[parts.amount]` → `parts[1].amount`: each array on the way at its latest item.
fn table_header(name: &str, counters: &[(String, usize)]) -> String {
    let mut path = String::new();
    for part in name.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part.trim_matches('"'));
        if let Some((_, n)) = counters.iter().find(|(k, _)| *k == path) {
            path = format!("{path}[{n}]");
        }
    }
    path
}
