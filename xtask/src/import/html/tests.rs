//! The HTML reader on small pages, the fixture pages, and hostile pages.

use std::path::Path;

use super::*;

fn page(html: &str) -> Page {
    match read_html(Path::new("page.html"), html) {
        Ok(page) => page,
        Err(problems) => panic!("{}", problems.report("in the page")),
    }
}

fn problems(html: &str) -> Vec<String> {
    match read_html(Path::new("page.html"), html) {
        Ok(page) => panic!("expected problems, read {page:?}"),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

fn tables(page: &Page) -> Vec<&Table> {
    page.tables().collect()
}

fn texts(cells: &[Cell]) -> Vec<&str> {
    cells.iter().map(|cell| cell.text.as_str()).collect()
}

#[test]
fn headings_paragraphs_and_a_table_are_read_with_their_lines() {
    let page = page(
        "<html><body>\n<h1 class=\"t\">Error codes</h1>\n<p>Intro&nbsp;text .</p>\n<table>\n<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n<tr><td><p>1</p></td>\n<td>x &gt; y</td></tr>\n</tbody></table>\n</body></html>",
    );
    assert_eq!(
        page.blocks[0],
        Block::Heading {
            line: 2,
            level: 1,
            text: "Error codes".into()
        }
    );
    assert_eq!(
        page.blocks[1],
        Block::Text {
            line: 3,
            text: "Intro text.".into()
        }
    );
    let Block::Table(table) = &page.blocks[2] else {
        panic!("{:?}", page.blocks[2]);
    };
    assert_eq!(table.line, 4);
    assert_eq!(texts(&table.header), ["A", "B"]);
    assert_eq!(table.header[0].line, 5);
    assert_eq!(table.rows.len(), 1);
    assert_eq!(texts(&table.rows[0]), ["1", "x > y"]);
    assert_eq!(table.rows[0][1].line, 8);
    assert_eq!(page.blocks.len(), 3);
}
