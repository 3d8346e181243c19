//! Issue 18: `build` frees the communes' parsed records as soon as the communes are
//! modelled; `serve` keeps them to reuse. Both must make the same site.

mod common;

use common::{TestProject, rendered};

#[test]
fn freeing_the_records_makes_the_same_site_as_keeping_them() {
    // Groups and a translation: the parts of the model made from the communes' records
    // besides their own pages.
    let p = TestProject::good();
    p.group_dong_tam();
    let site = p.read("content/site.yaml");
    p.write("content/site.yaml", format!("{site}\ntranslations: [en]\n"));

    let freed = baocao::check_to_render(p.path());
    assert!(freed.project.communes.is_empty(), "the records are freed");
    let kept = baocao::check_reusing(p.path(), &Default::default());
    assert_eq!(kept.project.communes.len(), 4);

    let (freed, kept) = (rendered(freed), rendered(kept));
    assert!(freed.contains_key("groups/tran-yen.html"));
    assert!(freed.contains_key("en/communes/dong-tam.html"));
    assert_eq!(
        freed.keys().collect::<Vec<_>>(),
        kept.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &freed {
        assert!(kept[path] == *bytes, "{path} differs");
    }
}
